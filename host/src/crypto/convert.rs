//! The WIT `crypto` interface's types to the `actionbox-crypto` crate's, and back.

use actionbox_crypto as crypto;

use crate::bindings::actionbox_sandbox::contract::crypto::{
    Curve, EcComponents, ExportFormat, Exported, Failure, Hash, KeyInfo, KeyKind, KeyMaterial, KeySpec, KeyType,
    OkpComponents, RsaComponents, Scheme,
};

pub fn hash_from_wit(hash: Hash) -> crypto::Hash {
    match hash {
        Hash::Md5 => crypto::Hash::Md5,
        Hash::Sha1 => crypto::Hash::Sha1,
        Hash::Sha224 => crypto::Hash::Sha224,
        Hash::Sha256 => crypto::Hash::Sha256,
        Hash::Sha384 => crypto::Hash::Sha384,
        Hash::Sha512 => crypto::Hash::Sha512,
        Hash::Sha512224 => crypto::Hash::Sha512_224,
        Hash::Sha512256 => crypto::Hash::Sha512_256,
        Hash::Sha3256 => crypto::Hash::Sha3_256,
        Hash::Sha3384 => crypto::Hash::Sha3_384,
        Hash::Sha3512 => crypto::Hash::Sha3_512,
    }
}

fn curve_from_wit(curve: Curve) -> crypto::Curve {
    match curve {
        Curve::P256 => crypto::Curve::P256,
        Curve::P384 => crypto::Curve::P384,
        Curve::P521 => crypto::Curve::P521,
        Curve::Ed25519 => crypto::Curve::Ed25519,
        Curve::X25519 => crypto::Curve::X25519,
    }
}

fn curve_to_wit(curve: crypto::Curve) -> Curve {
    match curve {
        crypto::Curve::P256 => Curve::P256,
        crypto::Curve::P384 => Curve::P384,
        crypto::Curve::P521 => Curve::P521,
        crypto::Curve::Ed25519 => Curve::Ed25519,
        crypto::Curve::X25519 => Curve::X25519,
    }
}

/// Key material as the crate takes it; a private RSA key's components cross as `d`, `p`,
/// `q`, `dp`, `dq`, `qi`, in that order.
pub fn material_from_wit(material: KeyMaterial) -> Result<crypto::KeyMaterial, Failure> {
    Ok(match material {
        KeyMaterial::Secret(bytes) => crypto::KeyMaterial::Secret(bytes),
        KeyMaterial::Spki(der) => crypto::KeyMaterial::Spki(der),
        KeyMaterial::Pkcs8(der) => crypto::KeyMaterial::Pkcs8(der),
        KeyMaterial::Pkcs1Public(der) => crypto::KeyMaterial::Pkcs1Public(der),
        KeyMaterial::Pkcs1Private(der) => crypto::KeyMaterial::Pkcs1Private(der),
        KeyMaterial::Sec1(der) => crypto::KeyMaterial::Sec1(der),
        KeyMaterial::Certificate(der) => crypto::KeyMaterial::Certificate(der),
        KeyMaterial::RawPublic((curve, bytes)) => crypto::KeyMaterial::RawPublic(curve_from_wit(curve), bytes),
        KeyMaterial::Rsa(rsa) => {
            let private = match rsa.private {
                None => None,
                Some(parts) => {
                    let [d, p, q, dp, dq, qi]: [Vec<u8>; 6] = parts.try_into().map_err(|parts: Vec<Vec<u8>>| {
                        Failure::InvalidKey(format!("a private RSA key has 6 private components, not {}", parts.len()))
                    })?;
                    Some(crypto::RsaPrivate { d, p, q, dp, dq, qi })
                }
            };
            crypto::KeyMaterial::Rsa(crypto::RsaComponents { n: rsa.n, e: rsa.e, private })
        }
        KeyMaterial::Ec(ec) => {
            crypto::KeyMaterial::Ec(crypto::EcComponents { curve: curve_from_wit(ec.curve), x: ec.x, y: ec.y, d: ec.d })
        }
        KeyMaterial::Okp(okp) => {
            crypto::KeyMaterial::Okp(crypto::OkpComponents { curve: curve_from_wit(okp.curve), x: okp.x, d: okp.d })
        }
    })
}

pub fn info_to_wit(key: u32, info: &crypto::KeyInfo) -> KeyInfo {
    KeyInfo {
        key,
        kind: match info.kind {
            crypto::KeyKind::Secret => KeyKind::Secret,
            crypto::KeyKind::Public => KeyKind::Public,
            crypto::KeyKind::Private => KeyKind::Private,
        },
        key_type: match info.key_type {
            crypto::KeyType::Secret => KeyType::Secret,
            crypto::KeyType::Rsa => KeyType::Rsa,
            crypto::KeyType::RsaPss => KeyType::RsaPss,
            crypto::KeyType::Ec => KeyType::Ec,
            crypto::KeyType::Ed25519 => KeyType::Ed25519,
            crypto::KeyType::X25519 => KeyType::X25519,
        },
        bits: info.bits,
        public_exponent: info.public_exponent.clone(),
        curve: info.curve.map(curve_to_wit),
    }
}

pub fn export_format(format: ExportFormat) -> crypto::ExportFormat {
    match format {
        ExportFormat::Spki => crypto::ExportFormat::Spki,
        ExportFormat::Pkcs8 => crypto::ExportFormat::Pkcs8,
        ExportFormat::Pkcs1 => crypto::ExportFormat::Pkcs1,
        ExportFormat::Sec1 => crypto::ExportFormat::Sec1,
        ExportFormat::Raw => crypto::ExportFormat::Raw,
        ExportFormat::Components => crypto::ExportFormat::Components,
    }
}

pub fn exported_to_wit(exported: crypto::Exported) -> Exported {
    match exported {
        crypto::Exported::Der(bytes) | crypto::Exported::Raw(bytes) | crypto::Exported::Secret(bytes) => {
            Exported::Bytes(bytes)
        }
        crypto::Exported::Rsa(rsa) => Exported::Rsa(RsaComponents {
            n: rsa.n,
            e: rsa.e,
            private: rsa.private.map(|p| vec![p.d, p.p, p.q, p.dp, p.dq, p.qi]),
        }),
        crypto::Exported::Ec(ec) => {
            Exported::Ec(EcComponents { curve: curve_to_wit(ec.curve), x: ec.x, y: ec.y, d: ec.d })
        }
        crypto::Exported::Okp(okp) => {
            Exported::Okp(OkpComponents { curve: curve_to_wit(okp.curve), x: okp.x, d: okp.d })
        }
    }
}

pub fn spec_from_wit(spec: KeySpec) -> crypto::KeySpec {
    match spec {
        KeySpec::Rsa((bits, public_exponent)) => crypto::KeySpec::Rsa { bits, public_exponent },
        KeySpec::Ec(curve) => crypto::KeySpec::Ec(curve_from_wit(curve)),
        KeySpec::Okp(curve) => crypto::KeySpec::Okp(curve_from_wit(curve)),
        KeySpec::Secret(bytes) => crypto::KeySpec::Secret { bytes: bytes as usize },
    }
}

pub fn scheme_from_wit(scheme: Scheme) -> crypto::Scheme {
    match scheme {
        Scheme::Hmac(hash) => crypto::Scheme::Hmac(hash_from_wit(hash)),
        Scheme::RsaPkcs1(hash) => crypto::Scheme::RsaPkcs1(hash_from_wit(hash)),
        Scheme::RsaPss((hash, salt_length)) => crypto::Scheme::RsaPss { hash: hash_from_wit(hash), salt_length },
        Scheme::Ecdsa((hash, der)) => crypto::Scheme::Ecdsa { hash: hash_from_wit(hash), der },
        Scheme::Ed25519 => crypto::Scheme::Ed25519,
    }
}

pub fn failure(error: crypto::Error) -> Failure {
    match error {
        crypto::Error::Unsupported(what) => Failure::Unsupported(what),
        crypto::Error::InvalidKey(why) => Failure::InvalidKey(why),
        crypto::Error::InvalidData(why) => Failure::InvalidData(why),
        crypto::Error::TooLarge { what, max } => Failure::TooLarge((what.to_owned(), max)),
        crypto::Error::Failed => Failure::Failed,
    }
}
