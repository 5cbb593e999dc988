//! Keys: the JWK examples of RFC 7517 (Appendix A imported, exported again as components
//! and as DER, byte for byte as OpenSSL writes it, and re-imported; Appendix B's
//! certificate), SPKI/PKCS#8/PKCS#1/SEC1 round trips of keys OpenSSL made, raw points,
//! certificates, what each key tells, what it refuses to export, and generation.

mod common;

use actionbox_crypto::{
    Curve, EcComponents, Error, ExportFormat, Exported, Key, KeyInfo, KeyKind, KeyMaterial, KeySpec, KeyType,
    MAX_KEY_MATERIAL, MAX_RSA_BITS, OkpComponents, RsaComponents, RsaPrivate,
};
use common::{hex, import, node, rfc};

fn der(key: &Key, format: ExportFormat) -> Vec<u8> {
    match key.export(format) {
        Ok(Exported::Der(bytes)) => bytes,
        other => panic!("{format:?} of {key:?}: {other:?}"),
    }
}

fn components(key: &Key) -> Exported {
    key.export(ExportFormat::Components).expect("every key exports its components")
}

fn rfc7517_ec(private: bool) -> EcComponents {
    EcComponents {
        curve: Curve::P256,
        x: hex(rfc::RFC7517_EC_X),
        y: hex(rfc::RFC7517_EC_Y),
        d: private.then(|| hex(rfc::RFC7517_EC_D)),
    }
}

fn rfc7517_rsa(private: bool) -> RsaComponents {
    RsaComponents {
        n: hex(rfc::RFC7517_RSA_N),
        e: hex("010001"),
        private: private.then(|| RsaPrivate {
            d: hex(rfc::RFC7517_RSA_D),
            p: hex(rfc::RFC7517_RSA_P),
            q: hex(rfc::RFC7517_RSA_Q),
            dp: hex(rfc::RFC7517_RSA_DP),
            dq: hex(rfc::RFC7517_RSA_DQ),
            qi: hex(rfc::RFC7517_RSA_QI),
        }),
    }
}

#[test]
fn rfc_7517_ec_keys() {
    let public = import(KeyMaterial::Ec(rfc7517_ec(false)));
    let info = KeyInfo {
        kind: KeyKind::Public,
        key_type: KeyType::Ec,
        bits: 256,
        public_exponent: vec![],
        curve: Some(Curve::P256),
    };
    assert_eq!(public.info(), info);
    assert_eq!(components(&public), Exported::Ec(rfc7517_ec(false)));
    let spki = der(&public, ExportFormat::Spki);
    assert_eq!(spki, node("rfc7517_ec_spki"), "SPKI as OpenSSL writes it");
    let point = [vec![4], hex(rfc::RFC7517_EC_X), hex(rfc::RFC7517_EC_Y)].concat();
    assert_eq!(public.export(ExportFormat::Raw), Ok(Exported::Raw(point.clone())));
    for material in [KeyMaterial::Spki(spki), KeyMaterial::RawPublic(Curve::P256, point)] {
        let again = import(material);
        assert_eq!(again.info(), info);
        assert_eq!(components(&again), Exported::Ec(rfc7517_ec(false)));
    }

    let private = import(KeyMaterial::Ec(rfc7517_ec(true)));
    assert_eq!(private.info(), KeyInfo { kind: KeyKind::Private, ..info.clone() });
    assert_eq!(components(&private), Exported::Ec(rfc7517_ec(true)));
    let pkcs8 = der(&private, ExportFormat::Pkcs8);
    let sec1 = der(&private, ExportFormat::Sec1);
    assert_eq!(pkcs8, node("rfc7517_ec_pkcs8"), "PKCS#8 as OpenSSL writes it");
    assert_eq!(sec1, node("rfc7517_ec_sec1"), "SEC1 as OpenSSL writes it");
    for material in [KeyMaterial::Pkcs8(pkcs8), KeyMaterial::Sec1(sec1)] {
        let again = import(material);
        assert_eq!(again.info().kind, KeyKind::Private);
        assert_eq!(components(&again), Exported::Ec(rfc7517_ec(true)));
    }
    assert_eq!(der(&private.public().unwrap(), ExportFormat::Spki), node("rfc7517_ec_spki"));
}

#[test]
fn rfc_7517_rsa_keys() {
    let public = import(KeyMaterial::Rsa(rfc7517_rsa(false)));
    let info = KeyInfo {
        kind: KeyKind::Public,
        key_type: KeyType::Rsa,
        bits: 2048,
        public_exponent: vec![1, 0, 1],
        curve: None,
    };
    assert_eq!(public.info(), info);
    assert_eq!(components(&public), Exported::Rsa(rfc7517_rsa(false)));
    let spki = der(&public, ExportFormat::Spki);
    let pkcs1 = der(&public, ExportFormat::Pkcs1);
    assert_eq!(spki, node("rfc7517_rsa_spki"));
    assert_eq!(pkcs1, node("rfc7517_rsa_pkcs1_public"));
    for material in [KeyMaterial::Spki(spki), KeyMaterial::Pkcs1Public(pkcs1)] {
        let again = import(material);
        assert_eq!(again.info(), info);
        assert_eq!(components(&again), Exported::Rsa(rfc7517_rsa(false)));
    }

    let private = import(KeyMaterial::Rsa(rfc7517_rsa(true)));
    assert_eq!(private.info(), KeyInfo { kind: KeyKind::Private, ..info.clone() });
    assert_eq!(components(&private), Exported::Rsa(rfc7517_rsa(true)));
    let pkcs8 = der(&private, ExportFormat::Pkcs8);
    let pkcs1 = der(&private, ExportFormat::Pkcs1);
    assert_eq!(pkcs8, node("rfc7517_rsa_pkcs8"));
    assert_eq!(pkcs1, node("rfc7517_rsa_pkcs1_private"));
    for material in [KeyMaterial::Pkcs8(pkcs8), KeyMaterial::Pkcs1Private(pkcs1)] {
        let again = import(material);
        assert_eq!(again.info().kind, KeyKind::Private);
        assert_eq!(components(&again), Exported::Rsa(rfc7517_rsa(true)));
    }
    assert_eq!(der(&private.public().unwrap(), ExportFormat::Spki), node("rfc7517_rsa_spki"));
}

#[test]
fn rfc_7517_symmetric_keys() {
    for (k, bits) in [(rfc::RFC7517_AES_K, 128), (rfc::RFC7517_HMAC_K, 512)] {
        let key = import(KeyMaterial::Secret(hex(k)));
        assert_eq!(
            key.info(),
            KeyInfo { kind: KeyKind::Secret, key_type: KeyType::Secret, bits, public_exponent: vec![], curve: None }
        );
        assert_eq!(components(&key), Exported::Secret(hex(k)));
        assert_eq!(key.export(ExportFormat::Raw), Ok(Exported::Raw(hex(k))));
    }
}

/// RFC 7517 Appendix B: the certificate of `x5c` holds the key of `n` and `e`.
#[test]
fn rfc_7517_certificate() {
    let key = import(KeyMaterial::Certificate(hex(rfc::RFC7517_B_CERT)));
    assert_eq!(key.info().kind, KeyKind::Public);
    assert_eq!(key.info().key_type, KeyType::Rsa);
    assert_eq!(key.info().bits, 2048);
    assert_eq!(
        components(&key),
        Exported::Rsa(RsaComponents { n: hex(rfc::RFC7517_B_N), e: hex("010001"), private: None })
    );
}

#[test]
fn openssl_certificate() {
    let key = import(KeyMaterial::Certificate(node("ec_certificate")));
    assert_eq!(der(&key, ExportFormat::Spki), node("ec_certificate_spki"));
}

/// Keys OpenSSL made: every encoding re-exports byte for byte, and raw points (compressed
/// too) give the same key.
#[test]
fn openssl_ec_keys() {
    for (name, curve) in [("p256", Curve::P256), ("p384", Curve::P384), ("p521", Curve::P521)] {
        let spki = node(&format!("{name}_spki"));
        let pkcs8 = node(&format!("{name}_pkcs8"));
        let sec1 = node(&format!("{name}_sec1"));
        let public = import(KeyMaterial::Spki(spki.clone()));
        assert_eq!(public.info().bits, curve.bits());
        assert_eq!(der(&public, ExportFormat::Spki), spki);
        assert_eq!(public.export(ExportFormat::Raw), Ok(Exported::Raw(node(&format!("{name}_uncompressed")))));
        let private = import(KeyMaterial::Pkcs8(pkcs8.clone()));
        assert_eq!(der(&private, ExportFormat::Pkcs8), pkcs8);
        assert_eq!(der(&private, ExportFormat::Sec1), sec1);
        assert_eq!(der(&import(KeyMaterial::Sec1(sec1.clone())), ExportFormat::Pkcs8), pkcs8);
        assert_eq!(der(&private.public().unwrap(), ExportFormat::Spki), spki);
        for raw in [format!("{name}_uncompressed"), format!("{name}_compressed")] {
            let key = import(KeyMaterial::RawPublic(curve, node(&raw)));
            assert_eq!(der(&key, ExportFormat::Spki), spki, "{raw}");
        }
        // The components round-trip.
        let Exported::Ec(parts) = components(&private) else { panic!() };
        assert_eq!(parts.d.as_ref().map(Vec::len), Some(curve.bits().div_ceil(8) as usize));
        assert_eq!(der(&import(KeyMaterial::Ec(parts)), ExportFormat::Pkcs8), pkcs8);
    }
}

#[test]
fn openssl_okp_keys() {
    for (name, curve, key_type, bits) in
        [("ed25519", Curve::Ed25519, KeyType::Ed25519, 256), ("x25519", Curve::X25519, KeyType::X25519, 253)]
    {
        let spki = node(&format!("{name}_spki"));
        let pkcs8 = node(&format!("{name}_pkcs8"));
        let x = node(&format!("{name}_x"));
        let d = node(&format!("{name}_d"));
        let public = import(KeyMaterial::Spki(spki.clone()));
        assert_eq!(
            public.info(),
            KeyInfo { kind: KeyKind::Public, key_type, bits, public_exponent: vec![], curve: Some(curve) }
        );
        assert_eq!(der(&public, ExportFormat::Spki), spki);
        assert_eq!(public.export(ExportFormat::Raw), Ok(Exported::Raw(x.clone())));
        let private = import(KeyMaterial::Pkcs8(pkcs8.clone()));
        assert_eq!(der(&private, ExportFormat::Pkcs8), pkcs8);
        let jwk = OkpComponents { curve, x: x.clone(), d: Some(d.clone()) };
        assert_eq!(components(&private), Exported::Okp(jwk.clone()));
        assert_eq!(der(&import(KeyMaterial::Okp(jwk)), ExportFormat::Pkcs8), pkcs8);
        assert_eq!(der(&import(KeyMaterial::RawPublic(curve, x.clone())), ExportFormat::Spki), spki);
        assert_eq!(der(&private.public().unwrap(), ExportFormat::Spki), spki);
        // The private key alone gives its public key.
        let alone = import(KeyMaterial::Okp(OkpComponents { curve, x: x.clone(), d: Some(d) }));
        assert_eq!(der(&alone.public().unwrap(), ExportFormat::Spki), spki);
    }
}

#[test]
fn openssl_rsa_pss_keys() {
    for name in ["rsa_pss_key_spki", "rsa_pss_noparams_spki"] {
        let spki = node(name);
        let key = import(KeyMaterial::Spki(spki.clone()));
        assert_eq!(key.info().key_type, KeyType::RsaPss);
        assert_eq!(der(&key, ExportFormat::Spki), spki, "{name}: parameters kept");
        assert!(matches!(key.export(ExportFormat::Pkcs1), Err(Error::Unsupported(_))));
    }
    let pkcs8 = node("rsa_pss_key_pkcs8");
    let private = import(KeyMaterial::Pkcs8(pkcs8.clone()));
    assert_eq!(der(&private, ExportFormat::Pkcs8), pkcs8);
    assert_eq!(der(&private.public().unwrap(), ExportFormat::Spki), node("rsa_pss_key_spki"));
}

#[test]
fn jwk_components_are_normalised() {
    // Leading zeros on n and e, short EC coordinates: accepted, exported canonical.
    let mut rsa = rfc7517_rsa(false);
    rsa.n.insert(0, 0);
    rsa.e = hex("00010001");
    assert_eq!(components(&import(KeyMaterial::Rsa(rsa))), Exported::Rsa(rfc7517_rsa(false)));
    // An EC key whose x starts with a zero byte (one in 256), given without it: padded.
    let parts = (0..5000)
        .find_map(|_| match components(&Key::generate(KeySpec::Ec(Curve::P256)).unwrap()) {
            Exported::Ec(parts) if parts.x[0] == 0 => Some(parts),
            _ => None,
        })
        .expect("a key with a leading zero in x");
    let short = EcComponents { x: parts.x[1..].to_vec(), ..parts.clone() };
    assert_eq!(components(&import(KeyMaterial::Ec(short))), Exported::Ec(parts.clone()));
    let mut long = parts.clone();
    long.x.insert(0, 0);
    assert_eq!(components(&import(KeyMaterial::Ec(long))), Exported::Ec(parts.clone()));
    let mut too_long = parts;
    too_long.x.insert(0, 1);
    assert!(matches!(Key::import(KeyMaterial::Ec(too_long)), Err(Error::InvalidKey(_))));
}

#[test]
fn inconsistent_keys_are_refused() {
    // A private scalar with another key's point.
    let mut ec = rfc7517_ec(true);
    ec.d = Some(hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"));
    assert!(matches!(Key::import(KeyMaterial::Ec(ec)), Err(Error::InvalidKey(_))));
    // Scalars 0 and n (the order of P-256).
    for d in ["00", "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"] {
        let material =
            KeyMaterial::Sec1(hex(&format!("3031020101{}a00a06082a8648ce3d030107", format_args!("0420{:0>64}", d))));
        assert!(matches!(Key::import(material), Err(Error::InvalidKey(_))), "d = {d}");
    }
    // A point off the curve.
    let mut off = rfc7517_ec(false);
    off.y[31] ^= 1;
    assert!(matches!(Key::import(KeyMaterial::Ec(off)), Err(Error::InvalidKey(_))));
    // An RSA key with a wrong CRT coefficient, or a wrong d.
    let mut rsa = rfc7517_rsa(true);
    if let Some(private) = rsa.private.as_mut() {
        private.qi[5] ^= 1;
    }
    assert!(matches!(Key::import(KeyMaterial::Rsa(rsa)), Err(Error::InvalidKey(_))));
    let mut rsa = rfc7517_rsa(true);
    if let Some(private) = rsa.private.as_mut() {
        private.d[100] ^= 1;
    }
    assert!(matches!(Key::import(KeyMaterial::Rsa(rsa)), Err(Error::InvalidKey(_))));
    // An RSA private key without its CRT integers.
    let mut rsa = rfc7517_rsa(true);
    if let Some(private) = rsa.private.as_mut() {
        private.dp.clear();
    }
    assert!(matches!(Key::import(KeyMaterial::Rsa(rsa)), Err(Error::InvalidKey(_))));
    // An even or 1 exponent.
    for e in ["010000", "01", ""] {
        let rsa = RsaComponents { e: hex(e), ..rfc7517_rsa(false) };
        assert!(Key::import(KeyMaterial::Rsa(rsa)).is_err(), "e = {e}");
    }
    // OKP and EC components on the wrong curves.
    let okp = OkpComponents { curve: Curve::P256, x: vec![9; 32], d: None };
    assert!(matches!(Key::import(KeyMaterial::Okp(okp)), Err(Error::InvalidKey(_))));
    let ec = EcComponents { curve: Curve::X25519, ..rfc7517_ec(false) };
    assert!(matches!(Key::import(KeyMaterial::Ec(ec)), Err(Error::InvalidKey(_))));
    let okp = OkpComponents { curve: Curve::Ed25519, x: vec![9; 31], d: None };
    assert!(matches!(Key::import(KeyMaterial::Okp(okp)), Err(Error::InvalidKey(_))));
}

#[test]
fn exports_that_do_not_apply() {
    let rsa_private = import(KeyMaterial::Rsa(rfc7517_rsa(true)));
    let rsa_public = import(KeyMaterial::Rsa(rfc7517_rsa(false)));
    let ec_private = import(KeyMaterial::Ec(rfc7517_ec(true)));
    let ec_public = import(KeyMaterial::Ec(rfc7517_ec(false)));
    let ed_private = import(KeyMaterial::Pkcs8(node("ed25519_pkcs8")));
    let secret = import(KeyMaterial::Secret(vec![7; 16]));
    let invalid =
        |key: &Key, format| assert!(matches!(key.export(format), Err(Error::InvalidKey(_))), "{key:?} {format:?}");
    let unsupported =
        |key: &Key, format| assert!(matches!(key.export(format), Err(Error::Unsupported(_))), "{key:?} {format:?}");
    invalid(&rsa_private, ExportFormat::Spki);
    invalid(&rsa_public, ExportFormat::Pkcs8);
    unsupported(&rsa_public, ExportFormat::Sec1);
    unsupported(&rsa_public, ExportFormat::Raw);
    invalid(&ec_private, ExportFormat::Spki);
    invalid(&ec_private, ExportFormat::Raw);
    invalid(&ec_public, ExportFormat::Pkcs8);
    invalid(&ec_public, ExportFormat::Sec1);
    unsupported(&ec_public, ExportFormat::Pkcs1);
    invalid(&ed_private, ExportFormat::Raw);
    unsupported(&ed_private, ExportFormat::Sec1);
    for format in [ExportFormat::Spki, ExportFormat::Pkcs8, ExportFormat::Pkcs1, ExportFormat::Sec1] {
        unsupported(&secret, format);
    }
    assert!(matches!(secret.public(), Err(Error::InvalidKey(_))));
}

#[test]
fn generation() {
    for (spec, key_type, bits, curve) in [
        (KeySpec::Ec(Curve::P256), KeyType::Ec, 256, Some(Curve::P256)),
        (KeySpec::Ec(Curve::P384), KeyType::Ec, 384, Some(Curve::P384)),
        (KeySpec::Ec(Curve::P521), KeyType::Ec, 521, Some(Curve::P521)),
        (KeySpec::Okp(Curve::Ed25519), KeyType::Ed25519, 256, Some(Curve::Ed25519)),
        (KeySpec::Okp(Curve::X25519), KeyType::X25519, 253, Some(Curve::X25519)),
        (KeySpec::Rsa { bits: 2048, public_exponent: 65537 }, KeyType::Rsa, 2048, None),
    ] {
        let key = Key::generate(spec).unwrap();
        let info = key.info();
        assert_eq!((info.kind, info.key_type, info.bits, info.curve), (KeyKind::Private, key_type, bits, curve));
        // It survives its own PKCS#8.
        let again = import(KeyMaterial::Pkcs8(der(&key, ExportFormat::Pkcs8)));
        assert_eq!(components(&again), components(&key));
    }
    let secret = Key::generate(KeySpec::Secret { bytes: 32 }).unwrap();
    assert_eq!(secret.info().bits, 256);
    assert_ne!(components(&secret), components(&Key::generate(KeySpec::Secret { bytes: 32 }).unwrap()));

    let rsa = |bits, public_exponent| Key::generate(KeySpec::Rsa { bits, public_exponent }).map(|key| key.info());
    assert!(matches!(rsa(1024, 65537), Err(Error::Unsupported(_))));
    assert!(matches!(rsa(2047, 65537), Err(Error::Unsupported(_))));
    assert!(matches!(rsa(16384, 65537), Err(Error::TooLarge { .. })));
    assert!(matches!(rsa(2048, 3), Err(Error::Unsupported(_))));
    assert!(matches!(rsa(2048, 65536), Err(Error::InvalidData(_))));
    assert!(matches!(rsa(2048, 1), Err(Error::InvalidData(_))));
    assert!(matches!(Key::generate(KeySpec::Ec(Curve::Ed25519)), Err(Error::InvalidData(_))));
    assert!(matches!(Key::generate(KeySpec::Okp(Curve::P384)), Err(Error::InvalidData(_))));
    assert!(matches!(Key::generate(KeySpec::Secret { bytes: 0 }), Err(Error::InvalidData(_))));
    assert!(matches!(Key::generate(KeySpec::Secret { bytes: MAX_KEY_MATERIAL + 1 }), Err(Error::TooLarge { .. })));
}

#[test]
fn size_limits() {
    assert!(matches!(Key::import(KeyMaterial::Secret(vec![0; MAX_KEY_MATERIAL + 1])), Err(Error::TooLarge { .. })));
    assert!(matches!(Key::import(KeyMaterial::Spki(vec![0x30; MAX_KEY_MATERIAL + 1])), Err(Error::TooLarge { .. })));
    // A 16384-bit modulus is past MAX_RSA_BITS, and an exponent of 64 bits past the limit.
    let mut n = vec![0xff; 2048];
    n[2047] = 0xfb;
    let big = RsaComponents { n, e: hex("010001"), private: None };
    assert_eq!(
        Key::import(KeyMaterial::Rsa(big)).map(|key| key.info()),
        Err(Error::TooLarge { what: "RSA modulus (bits)", max: MAX_RSA_BITS.into() })
    );
    let wide = RsaComponents { e: hex("ffffffffffffffff"), ..rfc7517_rsa(false) };
    assert!(matches!(Key::import(KeyMaterial::Rsa(wide)), Err(Error::TooLarge { .. })));
    // A 512-bit modulus is below MIN_RSA_BITS.
    let small = RsaComponents { n: [vec![0xc5; 63], vec![0x01]].concat(), e: hex("010001"), private: None };
    assert!(matches!(Key::import(KeyMaterial::Rsa(small)), Err(Error::Unsupported(_))));
}

#[test]
fn keys_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Key>();
}

#[test]
fn names() {
    for curve in Curve::ALL {
        assert_eq!(Curve::from_name(curve.name()), Some(curve));
    }
    assert_eq!(Curve::from_name("p-256"), None);
    assert_eq!(KeyType::RsaPss.name(), "rsa-pss");
}
