//! Signatures: Ed25519 (RFC 8032), ECDSA (RFC 6979 and OpenSSL's signatures, both
//! encodings), RSASSA-PKCS1-v1_5 (RFC 7515 A.2: the exact signature, and its
//! verification), RSASSA-PSS (OpenSSL's signatures, round trips, salts), HMAC, and what
//! each refuses.

mod common;

use actionbox_crypto::{
    Curve, EcComponents, Error, Hash, Key, KeyKind, KeyMaterial, KeySpec, KeyType, OkpComponents, RsaComponents,
    RsaPrivate, Scheme,
};
use common::{hex, import, node, rfc, to_hex};

const MESSAGE: &[u8] = b"actionbox";

fn ed25519(seed: &str, public: &str) -> Key {
    import(KeyMaterial::Okp(OkpComponents { curve: Curve::Ed25519, x: hex(public), d: Some(hex(seed)) }))
}

#[test]
fn ed25519_rfc_8032_tests_1_and_2() {
    for (seed, public, message, signature) in [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155\
             5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
             085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
    ] {
        let key = ed25519(seed, public);
        assert_eq!(to_hex(&key.sign(&Scheme::Ed25519, &hex(message)).unwrap()), signature);
        let public_key = import(KeyMaterial::RawPublic(Curve::Ed25519, hex(public)));
        assert!(public_key.verify(&Scheme::Ed25519, &hex(message), &hex(signature)).unwrap());
        assert!(key.verify(&Scheme::Ed25519, &hex(message), &hex(signature)).unwrap());
        assert!(!public_key.verify(&Scheme::Ed25519, b"other", &hex(signature)).unwrap());
        assert!(!public_key.verify(&Scheme::Ed25519, &hex(message), &hex(signature)[1..]).unwrap());
    }
    // The seed alone gives the public key.
    let key = import(KeyMaterial::Okp(OkpComponents {
        curve: Curve::Ed25519,
        x: hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        d: Some(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")),
    }));
    assert_eq!(key.info().kind, KeyKind::Private);
    // A public key that does not belong to the seed is refused.
    let wrong = Key::import(KeyMaterial::Okp(OkpComponents {
        curve: Curve::Ed25519,
        x: hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        d: Some(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")),
    }));
    assert!(matches!(wrong, Err(Error::InvalidKey(_))));
}

#[test]
fn ed25519_openssl_signature() {
    let key = import(KeyMaterial::Spki(node("ed25519_spki")));
    assert!(key.verify(&Scheme::Ed25519, MESSAGE, &node("ed25519_signature")).unwrap());
    let private = import(KeyMaterial::Pkcs8(node("ed25519_pkcs8")));
    // Ed25519 is deterministic: the same signature as OpenSSL's.
    assert_eq!(private.sign(&Scheme::Ed25519, MESSAGE).unwrap(), node("ed25519_signature"));
}

/// RFC 6979 A.2.5: P-256 with SHA-256, messages "sample" and "test".
#[test]
fn ecdsa_p256_rfc_6979() {
    let key = import(KeyMaterial::Ec(EcComponents {
        curve: Curve::P256,
        x: hex("60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"),
        y: hex("7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"),
        d: None,
    }));
    let fixed = Scheme::Ecdsa { hash: Hash::Sha256, der: false };
    let der = Scheme::Ecdsa { hash: Hash::Sha256, der: true };
    for (message, r, s) in [
        (
            &b"sample"[..],
            "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
            "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
        ),
        (
            b"test",
            "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
            "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083",
        ),
    ] {
        let signature = hex(&format!("{r}{s}"));
        assert!(key.verify(&fixed, message, &signature).unwrap());
        assert!(!key.verify(&fixed, b"other", &signature).unwrap());
        assert!(!key.verify(&Scheme::Ecdsa { hash: Hash::Sha384, der: false }, message, &signature).unwrap());
        // The same signature in DER: SEQUENCE { INTEGER r, INTEGER s }, an integer with its
        // high bit set padded with a zero byte.
        let integer = |value: &str| {
            let bytes = hex(value);
            if bytes[0] & 0x80 != 0 { format!("022100{value}") } else { format!("0220{value}") }
        };
        let body = format!("{}{}", integer(r), integer(s));
        let der_signature = hex(&format!("30{:02x}{body}", body.len() / 2));
        assert!(key.verify(&der, message, &der_signature).unwrap());
        assert!(!key.verify(&der, message, &signature).unwrap(), "r || s is not DER");
        assert!(!key.verify(&fixed, message, &der_signature).unwrap(), "DER is not r || s");
    }
    // The private key signs (randomly) what the public key verifies.
    let private = import(KeyMaterial::Ec(EcComponents {
        curve: Curve::P256,
        x: hex("60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"),
        y: hex("7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"),
        d: Some(hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721")),
    }));
    for scheme in [fixed, der] {
        let signature = private.sign(&scheme, b"sample").unwrap();
        assert!(key.verify(&scheme, b"sample", &signature).unwrap());
    }
}

/// Every (curve, hash) pairing: OpenSSL's signatures verify in both encodings where
/// aws-lc-rs verifies the pairing; sign-then-verify round trips where it signs; the rest
/// is `Unsupported`.
#[test]
fn ecdsa_all_pairings() {
    let verifies = |curve: &str, hash: &str| {
        matches!(
            (curve, hash),
            ("p256", "sha1" | "sha256" | "sha384" | "sha512")
                | ("p384", "sha256" | "sha384" | "sha512" | "sha3_384")
                | ("p521", "sha1" | "sha224" | "sha256" | "sha384" | "sha512" | "sha3_512")
        )
    };
    let signs = |curve: &str, hash: &str| {
        matches!(
            (curve, hash),
            ("p256", "sha256")
                | ("p384", "sha384" | "sha3_384")
                | ("p521", "sha224" | "sha256" | "sha384" | "sha512" | "sha3_512")
        )
    };
    for (curve_name, curve, field) in [("p256", Curve::P256, 32), ("p384", Curve::P384, 48), ("p521", Curve::P521, 66)]
    {
        let public = import(KeyMaterial::Spki(node(&format!("{curve_name}_spki"))));
        let private = import(KeyMaterial::Pkcs8(node(&format!("{curve_name}_pkcs8"))));
        assert_eq!(public.info().curve, Some(curve));
        for (hash_name, hash) in [
            ("sha1", Hash::Sha1),
            ("sha224", Hash::Sha224),
            ("sha256", Hash::Sha256),
            ("sha384", Hash::Sha384),
            ("sha512", Hash::Sha512),
            ("sha3_384", Hash::Sha3_384),
            ("sha3_512", Hash::Sha3_512),
        ] {
            let der = Scheme::Ecdsa { hash, der: true };
            let fixed = Scheme::Ecdsa { hash, der: false };
            let der_signature = node(&format!("{curve_name}_{hash_name}_der"));
            let fixed_signature = node(&format!("{curve_name}_{hash_name}_fixed"));
            assert_eq!(fixed_signature.len(), 2 * field);
            if verifies(curve_name, hash_name) {
                assert!(public.verify(&der, MESSAGE, &der_signature).unwrap(), "{curve_name} {hash_name} DER");
                assert!(public.verify(&fixed, MESSAGE, &fixed_signature).unwrap(), "{curve_name} {hash_name} r||s");
                assert!(private.verify(&fixed, MESSAGE, &fixed_signature).unwrap());
                assert!(!public.verify(&fixed, b"other", &fixed_signature).unwrap());
            } else {
                assert!(matches!(public.verify(&der, MESSAGE, &der_signature), Err(Error::Unsupported(_))));
            }
            if signs(curve_name, hash_name) {
                for scheme in [der, fixed] {
                    let signature = private.sign(&scheme, MESSAGE).unwrap();
                    assert!(public.verify(&scheme, MESSAGE, &signature).unwrap(), "{curve_name} {hash_name}");
                }
                assert_eq!(private.sign(&fixed, MESSAGE).unwrap().len(), 2 * field);
            } else {
                assert!(matches!(private.sign(&der, MESSAGE), Err(Error::Unsupported(_))), "{curve_name} {hash_name}");
            }
        }
        // Malformed signatures are `false`, not errors.
        let fixed = Scheme::Ecdsa { hash: Hash::Sha256, der: false };
        let der = Scheme::Ecdsa { hash: Hash::Sha256, der: true };
        for garbage in [&[][..], &[0u8; 7], &vec![0u8; 2 * field], &vec![0xffu8; 2 * field], &vec![1u8; 2 * field + 1]]
        {
            assert!(!public.verify(&fixed, MESSAGE, garbage).unwrap());
            assert!(!public.verify(&der, MESSAGE, garbage).unwrap());
        }
        // A public key cannot sign.
        assert!(matches!(public.sign(&der, MESSAGE), Err(Error::InvalidKey(_))));
    }
}

/// The RSA key of RFC 7515 A.2, private.
fn rfc7515_key() -> Key {
    import(KeyMaterial::Rsa(RsaComponents {
        n: hex(rfc::RFC7515_A2_N),
        e: hex("010001"),
        private: Some(RsaPrivate {
            d: hex(rfc::RFC7515_A2_D),
            p: hex(rfc::RFC7515_A2_P),
            q: hex(rfc::RFC7515_A2_Q),
            dp: hex(rfc::RFC7515_A2_DP),
            dq: hex(rfc::RFC7515_A2_DQ),
            qi: hex(rfc::RFC7515_A2_QI),
        }),
    }))
}

const RFC7515_SIGNING_INPUT: &[u8] = b"eyJhbGciOiJSUzI1NiJ9\
    .eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

#[test]
fn rsa_pkcs1_rfc_7515_a2() {
    let private = rfc7515_key();
    let public = import(KeyMaterial::Rsa(RsaComponents { n: hex(rfc::RFC7515_A2_N), e: hex("010001"), private: None }));
    let scheme = Scheme::RsaPkcs1(Hash::Sha256);
    let expected = hex(rfc::RFC7515_A2_SIGNATURE);
    // PKCS#1 v1.5 is deterministic: the RFC's exact signature.
    assert_eq!(private.sign(&scheme, RFC7515_SIGNING_INPUT).unwrap(), expected);
    assert!(public.verify(&scheme, RFC7515_SIGNING_INPUT, &expected).unwrap());
    assert!(private.verify(&scheme, RFC7515_SIGNING_INPUT, &expected).unwrap());
    assert!(!public.verify(&Scheme::RsaPkcs1(Hash::Sha384), RFC7515_SIGNING_INPUT, &expected).unwrap());
    assert!(!public.verify(&scheme, b"other", &expected).unwrap());
    let mut tampered = expected.clone();
    tampered[10] ^= 1;
    assert!(!public.verify(&scheme, RFC7515_SIGNING_INPUT, &tampered).unwrap());
    assert!(!public.verify(&scheme, RFC7515_SIGNING_INPUT, &expected[1..]).unwrap());
    assert!(!public.verify(&scheme, RFC7515_SIGNING_INPUT, &[]).unwrap());
    // The public key of the private key verifies too.
    assert!(private.public().unwrap().verify(&scheme, RFC7515_SIGNING_INPUT, &expected).unwrap());
    // Every supported hash round-trips.
    for hash in [Hash::Sha256, Hash::Sha384, Hash::Sha512] {
        let signature = private.sign(&Scheme::RsaPkcs1(hash), MESSAGE).unwrap();
        assert_eq!(signature.len(), 256);
        assert!(public.verify(&Scheme::RsaPkcs1(hash), MESSAGE, &signature).unwrap());
    }
    // aws-lc-rs signs PKCS#1 v1.5 with SHA-1 and SHA-224 in no way.
    assert!(matches!(private.sign(&Scheme::RsaPkcs1(Hash::Sha1), MESSAGE), Err(Error::Unsupported(_))));
    assert!(matches!(public.verify(&Scheme::RsaPkcs1(Hash::Sha3_256), MESSAGE, &expected), Err(Error::Unsupported(_))));
}

#[test]
fn rsa_openssl_signatures() {
    let public = import(KeyMaterial::Spki(node("rfc7517_rsa_spki")));
    let pss = |hash, salt_length| Scheme::RsaPss { hash, salt_length };
    assert!(public.verify(&pss(Hash::Sha256, 32), MESSAGE, &node("rsa_pss_sha256_salt32")).unwrap());
    assert!(!public.verify(&pss(Hash::Sha256, 0), MESSAGE, &node("rsa_pss_sha256_salt32")).unwrap());
    assert!(public.verify(&pss(Hash::Sha256, 0), MESSAGE, &node("rsa_pss_sha256_salt0")).unwrap());
    assert!(public.verify(&pss(Hash::Sha512, 64), MESSAGE, &node("rsa_pss_sha512_salt64")).unwrap());
    assert!(!public.verify(&pss(Hash::Sha384, 64), MESSAGE, &node("rsa_pss_sha512_salt64")).unwrap());
    assert!(public.verify(&Scheme::RsaPkcs1(Hash::Sha384), MESSAGE, &node("rsa_pkcs1_sha384")).unwrap());
    // A salt longer than the key allows is no valid signature.
    assert!(!public.verify(&pss(Hash::Sha256, 223), MESSAGE, &node("rsa_pss_sha256_salt32")).unwrap());
    assert!(matches!(public.verify(&pss(Hash::Sha1, 20), MESSAGE, &[]), Err(Error::Unsupported(_))));
}

#[test]
fn rsa_pss_round_trips() {
    let private = import(KeyMaterial::Pkcs8(node("rfc7517_rsa_pkcs8")));
    let public = private.public().unwrap();
    for (hash, salt_length) in [
        (Hash::Sha256, 0),
        (Hash::Sha256, 32),
        (Hash::Sha256, 222),
        (Hash::Sha384, 48),
        (Hash::Sha512, 190),
        (Hash::Sha512, 5),
    ] {
        let scheme = Scheme::RsaPss { hash, salt_length };
        let signature = private.sign(&scheme, MESSAGE).unwrap();
        assert!(public.verify(&scheme, MESSAGE, &signature).unwrap(), "{} salt {salt_length}", hash.name());
        assert!(!public.verify(&Scheme::RsaPss { hash, salt_length: salt_length + 1 }, MESSAGE, &signature).unwrap());
        // PSS is randomised by its salt.
        if salt_length > 0 {
            assert_ne!(private.sign(&scheme, MESSAGE).unwrap(), signature);
        }
    }
    // Without salt PSS is deterministic: OpenSSL's signature exactly.
    let scheme = Scheme::RsaPss { hash: Hash::Sha256, salt_length: 0 };
    assert_eq!(private.sign(&scheme, MESSAGE).unwrap(), node("rsa_pss_sha256_salt0"));
    // 2048 bits, SHA-256: at most 256 - 32 - 2 = 222 bytes of salt.
    assert!(matches!(
        private.sign(&Scheme::RsaPss { hash: Hash::Sha256, salt_length: 223 }, MESSAGE),
        Err(Error::InvalidData(_))
    ));
    assert!(matches!(
        private.sign(&Scheme::RsaPss { hash: Hash::Sha256, salt_length: u32::MAX }, MESSAGE),
        Err(Error::InvalidData(_))
    ));
}

#[test]
fn rsa_pss_keys() {
    let public = import(KeyMaterial::Spki(node("rsa_pss_key_spki")));
    assert_eq!(public.info().key_type, KeyType::RsaPss);
    let scheme = Scheme::RsaPss { hash: Hash::Sha256, salt_length: 32 };
    assert!(public.verify(&scheme, MESSAGE, &node("rsa_pss_key_signature")).unwrap());
    assert!(matches!(
        public.verify(&Scheme::RsaPkcs1(Hash::Sha256), MESSAGE, &node("rsa_pss_key_signature")),
        Err(Error::InvalidKey(_))
    ));
    let private = import(KeyMaterial::Pkcs8(node("rsa_pss_key_pkcs8")));
    assert_eq!(private.info().key_type, KeyType::RsaPss);
    let signature = private.sign(&scheme, MESSAGE).unwrap();
    assert!(public.verify(&scheme, MESSAGE, &signature).unwrap());
    assert!(matches!(private.sign(&Scheme::RsaPkcs1(Hash::Sha256), MESSAGE), Err(Error::InvalidKey(_))));
    // Without parameters too.
    let plain = import(KeyMaterial::Spki(node("rsa_pss_noparams_spki")));
    assert_eq!(plain.info().key_type, KeyType::RsaPss);
}

#[test]
fn rsa_1024_bits() {
    let public = import(KeyMaterial::Spki(node("rsa1024_spki")));
    assert_eq!(public.info().bits, 1024);
    assert!(public.verify(&Scheme::RsaPkcs1(Hash::Sha256), MESSAGE, &node("rsa1024_sha256_signature")).unwrap());
    // aws-lc-rs verifies PSS and PKCS#1 v1.5 with SHA-384 from 2048 bits, and has private
    // keys from 2048 bits.
    assert!(matches!(
        public.verify(&Scheme::RsaPss { hash: Hash::Sha256, salt_length: 32 }, MESSAGE, &[0; 128]),
        Err(Error::Unsupported(_))
    ));
    assert!(matches!(public.verify(&Scheme::RsaPkcs1(Hash::Sha384), MESSAGE, &[0; 128]), Err(Error::Unsupported(_))));
    assert!(matches!(Key::import(KeyMaterial::Pkcs8(node("rsa1024_pkcs8"))), Err(Error::Unsupported(_))));
}

#[test]
fn hmac_keys() {
    let key = import(KeyMaterial::Secret(b"Jefe".to_vec()));
    let scheme = Scheme::Hmac(Hash::Sha256);
    let mac = key.sign(&scheme, b"what do ya want for nothing?").unwrap();
    assert_eq!(to_hex(&mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assert!(key.verify(&scheme, b"what do ya want for nothing?", &mac).unwrap());
    assert!(!key.verify(&scheme, b"what do ya want for nothing!", &mac).unwrap());
    assert!(!key.verify(&scheme, b"what do ya want for nothing?", &mac[..16]).unwrap());
    assert!(!key.verify(&scheme, b"what do ya want for nothing?", &[]).unwrap());
    let md5 = key.sign(&Scheme::Hmac(Hash::Md5), b"what do ya want for nothing?").unwrap();
    assert_eq!(to_hex(&md5), "750c783e6ab0b503eaa86e310a5db738");
}

#[test]
fn schemes_must_suit_keys() {
    let secret = import(KeyMaterial::Secret(vec![1; 32]));
    let rsa = import(KeyMaterial::Pkcs8(node("rfc7517_rsa_pkcs8")));
    let ec = import(KeyMaterial::Pkcs8(node("p256_pkcs8")));
    let ed = import(KeyMaterial::Pkcs8(node("ed25519_pkcs8")));
    let x = import(KeyMaterial::Pkcs8(node("x25519_pkcs8")));
    let schemes = [
        Scheme::Hmac(Hash::Sha256),
        Scheme::RsaPkcs1(Hash::Sha256),
        Scheme::RsaPss { hash: Hash::Sha256, salt_length: 32 },
        Scheme::Ecdsa { hash: Hash::Sha256, der: true },
        Scheme::Ed25519,
    ];
    let suits: [(&Key, &[usize]); 5] = [(&secret, &[0]), (&rsa, &[1, 2]), (&ec, &[3]), (&ed, &[4]), (&x, &[])];
    for (key, good) in suits {
        for (index, scheme) in schemes.iter().enumerate() {
            let signed = key.sign(scheme, MESSAGE);
            let verified = key.verify(scheme, MESSAGE, &[0; 64]);
            if good.contains(&index) {
                assert!(signed.is_ok(), "{key:?} {scheme:?}");
                assert_eq!(verified, Ok(false));
            } else {
                assert!(matches!(signed, Err(Error::InvalidKey(_))), "{key:?} {scheme:?}");
                assert!(matches!(verified, Err(Error::InvalidKey(_))), "{key:?} {scheme:?}");
            }
        }
    }
}

#[test]
fn generated_keys_sign() {
    for (spec, scheme) in [
        (KeySpec::Ec(Curve::P256), Scheme::Ecdsa { hash: Hash::Sha256, der: false }),
        (KeySpec::Ec(Curve::P384), Scheme::Ecdsa { hash: Hash::Sha384, der: true }),
        (KeySpec::Ec(Curve::P521), Scheme::Ecdsa { hash: Hash::Sha512, der: false }),
        (KeySpec::Okp(Curve::Ed25519), Scheme::Ed25519),
        (KeySpec::Rsa { bits: 2048, public_exponent: 65537 }, Scheme::RsaPkcs1(Hash::Sha256)),
        (KeySpec::Secret { bytes: 64 }, Scheme::Hmac(Hash::Sha512)),
    ] {
        let key = Key::generate(spec).unwrap();
        let signature = key.sign(&scheme, MESSAGE).unwrap();
        let verifier = if key.info().kind == KeyKind::Secret { key } else { key.public().unwrap() };
        assert!(verifier.verify(&scheme, MESSAGE, &signature).unwrap(), "{spec:?}");
    }
}
