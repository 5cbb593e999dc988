//! Untrusted code chooses every input: truncated, corrupted and random encodings of every
//! format, and random bytes, fed to every import give an `Err` (or, where the bytes can be
//! a valid key, a key that then exports, signs and verifies without a panic); and every
//! other function survives hostile arguments.

mod common;

use actionbox_crypto::{
    Curve, EcComponents, ExportFormat, Hash, Key, KeyMaterial, OkpComponents, RsaComponents, RsaPrivate, Scheme,
    digest, hkdf, hmac, pbkdf2, scrypt,
};
use common::{node, noise, rfc};

/// A sample: its name, the material of its format, its valid DER.
type Sample = (&'static str, fn(Vec<u8>) -> KeyMaterial, Vec<u8>);

/// Every DER format, with valid encodings of it.
fn der_samples() -> Vec<Sample> {
    let mut samples: Vec<Sample> = Vec::new();
    for name in [
        "rfc7517_rsa_spki",
        "rfc7517_ec_spki",
        "p384_spki",
        "p521_spki",
        "ed25519_spki",
        "x25519_spki",
        "rsa_pss_key_spki",
    ] {
        samples.push((name, KeyMaterial::Spki, node(name)));
    }
    for name in
        ["rfc7517_rsa_pkcs8", "rfc7517_ec_pkcs8", "p521_pkcs8", "ed25519_pkcs8", "x25519_pkcs8", "rsa_pss_key_pkcs8"]
    {
        samples.push((name, KeyMaterial::Pkcs8, node(name)));
    }
    samples.push(("rfc7517_rsa_pkcs1_public", KeyMaterial::Pkcs1Public, node("rfc7517_rsa_pkcs1_public")));
    samples.push(("rfc7517_rsa_pkcs1_private", KeyMaterial::Pkcs1Private, node("rfc7517_rsa_pkcs1_private")));
    samples.push(("rfc7517_ec_sec1", KeyMaterial::Sec1, node("rfc7517_ec_sec1")));
    samples.push(("p384_sec1", KeyMaterial::Sec1, node("p384_sec1")));
    samples.push(("ec_certificate", KeyMaterial::Certificate, node("ec_certificate")));
    samples.push(("rfc7517_b_cert", KeyMaterial::Certificate, common::hex(rfc::RFC7517_B_CERT)));
    samples
}

/// Uses a key every way there is, to show none of it panics.
fn exercise(key: &Key) {
    let _ = key.info();
    let _ = key.public();
    for format in [
        ExportFormat::Spki,
        ExportFormat::Pkcs8,
        ExportFormat::Pkcs1,
        ExportFormat::Sec1,
        ExportFormat::Raw,
        ExportFormat::Components,
    ] {
        let _ = key.export(format);
    }
    for scheme in [
        Scheme::Hmac(Hash::Sha256),
        Scheme::RsaPkcs1(Hash::Sha256),
        Scheme::RsaPss { hash: Hash::Sha256, salt_length: 32 },
        Scheme::Ecdsa { hash: Hash::Sha256, der: false },
        Scheme::Ecdsa { hash: Hash::Sha512, der: true },
        Scheme::Ed25519,
    ] {
        let _ = key.sign(&scheme, b"data");
        let _ = key.verify(&scheme, b"data", &noise(3, 64));
    }
}

#[test]
fn every_truncation_is_refused() {
    for (name, format, der) in der_samples() {
        assert!(Key::import(format(der.clone())).is_ok(), "{name} imports whole");
        for len in 0..der.len() {
            assert!(Key::import(format(der[..len].to_vec())).is_err(), "{name} cut to {len} bytes imported");
        }
        // Trailing bytes are refused too.
        let mut longer = der.clone();
        longer.push(0);
        assert!(Key::import(format(longer)).is_err(), "{name} with a trailing byte imported");
    }
}

#[test]
fn corrupted_encodings_do_not_panic() {
    for (name, format, der) in der_samples() {
        // Each byte replaced by a few values, spread over the encoding (every byte of the
        // headers, a sample of the rest).
        let positions: Vec<usize> = (0..der.len()).filter(|&index| index < 64 || index % 7 == 0).collect();
        for index in positions {
            for value in [0x00, 0xff, der[index] ^ 0x01, der[index] ^ 0x80, 0x81, 0x30] {
                let mut bad = der.clone();
                bad[index] = value;
                if let Ok(key) = Key::import(format(bad)) {
                    exercise(&key);
                }
            }
        }
        let _ = name;
    }
}

#[test]
fn random_bytes_are_refused() {
    let formats: [fn(Vec<u8>) -> KeyMaterial; 6] = [
        KeyMaterial::Spki,
        KeyMaterial::Pkcs8,
        KeyMaterial::Pkcs1Public,
        KeyMaterial::Pkcs1Private,
        KeyMaterial::Sec1,
        KeyMaterial::Certificate,
    ];
    for seed in 0..300u64 {
        let len = (seed as usize * 37) % 700;
        let mut bytes = noise(seed, len);
        for format in formats {
            assert!(Key::import(format(bytes.clone())).is_err(), "random {len} bytes imported");
            // With a plausible SEQUENCE header in front, too.
            if len > 4 {
                bytes[0] = 0x30;
                bytes[1] = 0x82;
                assert!(Key::import(format(bytes.clone())).is_err());
            }
        }
        // Raw points of random bytes: off the curve, or the wrong length.
        for curve in [Curve::P256, Curve::P384, Curve::P521] {
            assert!(Key::import(KeyMaterial::RawPublic(curve, bytes.clone())).is_err());
            let mut point = noise(seed, 1 + 2 * [32, 48, 66][curve as usize]);
            point[0] = 4;
            assert!(Key::import(KeyMaterial::RawPublic(curve, point)).is_err());
        }
        // 32 random bytes may well be an X25519 or Ed25519 public key: no panic is asked.
        for curve in [Curve::Ed25519, Curve::X25519] {
            if let Ok(key) = Key::import(KeyMaterial::RawPublic(curve, noise(seed, 32))) {
                exercise(&key);
            }
            assert!(Key::import(KeyMaterial::RawPublic(curve, noise(seed, 31))).is_err());
        }
    }
}

#[test]
fn random_components_are_refused() {
    for seed in 0..50u64 {
        let part = |salt: u64, len: usize| noise(seed * 100 + salt, len);
        let rsa = RsaComponents {
            n: part(1, 256),
            e: part(2, 3),
            private: Some(RsaPrivate {
                d: part(3, 256),
                p: part(4, 128),
                q: part(5, 128),
                dp: part(6, 128),
                dq: part(7, 128),
                qi: part(8, 128),
            }),
        };
        assert!(Key::import(KeyMaterial::Rsa(rsa.clone())).is_err());
        // A random odd modulus with e = 65537 is a (useless) public key; it must not panic.
        let mut n = part(1, 256);
        n[0] |= 0x80;
        n[255] |= 1;
        if let Ok(key) = Key::import(KeyMaterial::Rsa(RsaComponents { n, e: vec![1, 0, 1], private: None })) {
            exercise(&key);
        }
        for curve in [Curve::P256, Curve::P384, Curve::P521] {
            let ec = EcComponents { curve, x: part(9, 66), y: part(10, 66), d: Some(part(11, 66)) };
            assert!(Key::import(KeyMaterial::Ec(ec)).is_err());
            let ec = EcComponents { curve, x: part(9, 32), y: part(10, 32), d: None };
            assert!(Key::import(KeyMaterial::Ec(ec)).is_err());
            // A random scalar alone (no point check possible: it is the key) imports or not.
            let d = part(12, [32, 48, 66][curve as usize]);
            let sec1 = sec1_of(curve, &d);
            if let Ok(key) = Key::import(KeyMaterial::Sec1(sec1)) {
                exercise(&key);
            }
        }
        for curve in [Curve::Ed25519, Curve::X25519] {
            let okp = OkpComponents { curve, x: part(13, 32), d: Some(part(14, 32)) };
            assert!(Key::import(KeyMaterial::Okp(okp)).is_err());
            let okp = OkpComponents { curve, x: part(13, 32), d: Some(part(14, 31)) };
            assert!(Key::import(KeyMaterial::Okp(okp)).is_err());
        }
    }
}

/// A SEC1 `ECPrivateKey` of a scalar (without the public point).
fn sec1_of(curve: Curve, d: &[u8]) -> Vec<u8> {
    let oid: &[u8] = match curve {
        Curve::P256 => &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        Curve::P384 => &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22],
        _ => &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23],
    };
    let mut body = vec![0x02, 0x01, 0x01, 0x04, d.len() as u8];
    body.extend_from_slice(d);
    body.extend_from_slice(&[0xa0, oid.len() as u8]);
    body.extend_from_slice(oid);
    let mut der = vec![0x30, body.len() as u8];
    der.extend_from_slice(&body);
    der
}

#[test]
fn hostile_arguments_elsewhere() {
    for hash in Hash::ALL {
        let _ = digest(hash, &noise(1, 10_000));
        let _ = hmac(hash, &noise(2, 100_000), &noise(3, 1000));
        let _ = pbkdf2(hash, b"p", b"s", u32::MAX, usize::MAX);
        let _ = pbkdf2(hash, b"p", b"s", 1, usize::MAX);
        let _ = hkdf(hash, b"k", b"s", b"i", usize::MAX);
    }
    let _ = scrypt(b"p", b"s", u64::MAX, u32::MAX, u32::MAX, usize::MAX, u64::MAX);
    let _ = scrypt(b"p", b"s", 1 << 63, 1, 1, 16, 1 << 20);
    let secret = Key::import(KeyMaterial::Secret(noise(4, 32))).unwrap();
    for tag in [0, 1, 12, 16, 17, usize::MAX] {
        for iv_len in [0, 12, 1000] {
            let _ = secret.aes_gcm_encrypt(&noise(5, iv_len), &noise(6, 100), tag, &noise(7, 100));
            for data_len in [0, 5, 12, 16, 100] {
                let _ = secret.aes_gcm_decrypt(&noise(5, iv_len), b"", tag, &noise(8, data_len));
            }
        }
    }
    let rsa = Key::import(KeyMaterial::Pkcs8(node("rfc7517_rsa_pkcs8"))).unwrap();
    for salt_length in [0, 1, 222, 223, 1023, 1024, u32::MAX] {
        for hash in Hash::ALL {
            let scheme = Scheme::RsaPss { hash, salt_length };
            let _ = rsa.sign(&scheme, b"data");
            let _ = rsa.verify(&scheme, b"data", &noise(9, 256));
        }
    }
    for hash in Hash::ALL {
        for key in ["p256_pkcs8", "p384_pkcs8", "p521_pkcs8"] {
            let ec = Key::import(KeyMaterial::Pkcs8(node(key))).unwrap();
            for der in [true, false] {
                let scheme = Scheme::Ecdsa { hash, der };
                let _ = ec.sign(&scheme, b"data");
                for len in [0, 1, 64, 96, 132, 200] {
                    let _ = ec.verify(&scheme, b"data", &noise(10, len));
                }
            }
        }
    }
}
