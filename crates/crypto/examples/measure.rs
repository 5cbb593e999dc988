//! Times the calls on the hot path of Actions (RSA-2048 PKCS#1 v1.5 SHA-256 verification
//! with a key imported once, SHA-256 of 1 KiB, and a few neighbours) and, with `--limits`,
//! the slowest calls the limits allow.
//!
//!   cargo run --release -p actionbox-crypto --example measure [-- --limits]

use std::hint::black_box;
use std::time::{Duration, Instant};

use actionbox_crypto::{
    Curve, Hash, Key, KeyMaterial, KeySpec, MAX_PBKDF2_WORK, MAX_SCRYPT_MEMORY, Scheme, digest, hmac, pbkdf2, scrypt,
};

/// The value named `name` in the tests' `data/node.txt`.
fn node(name: &str) -> Vec<u8> {
    let data = include_str!("../tests/data/node.txt");
    let value = data
        .lines()
        .find_map(|line| line.split_once(" = ").filter(|(key, _)| *key == name).map(|(_, value)| value))
        .unwrap_or_else(|| panic!("no {name}"));
    (0..value.len() / 2).map(|i| u8::from_str_radix(&value[2 * i..2 * i + 2], 16).expect("hex")).collect()
}

/// Runs `f` in batches for about `budget`, and prints the median and best time per call
/// of the batches.
fn time(name: &str, calls_per_batch: u32, budget: Duration, mut f: impl FnMut()) {
    for _ in 0..calls_per_batch {
        f();
    }
    let mut batches = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || batches.len() < 5 {
        let batch = Instant::now();
        for _ in 0..calls_per_batch {
            f();
        }
        batches.push(batch.elapsed() / calls_per_batch);
    }
    batches.sort();
    println!(
        "{name:<52} median {:>10.2?}  best {:>10.2?}  ({} batches of {calls_per_batch})",
        batches[batches.len() / 2],
        batches[0],
        batches.len()
    );
}

fn once(name: &str, f: impl FnOnce()) {
    let start = Instant::now();
    f();
    println!("{name:<52} {:>10.2?}", start.elapsed());
}

fn main() {
    let budget = Duration::from_secs(2);
    let message = b"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLCJleHAiOjEzMDA4MTkzODB9";

    let private = Key::import(KeyMaterial::Pkcs8(node("rfc7517_rsa_pkcs8"))).expect("key");
    let scheme = Scheme::RsaPkcs1(Hash::Sha256);
    let signature = private.sign(&scheme, message).expect("sign");
    let spki = node("rfc7517_rsa_spki");
    let public = Key::import(KeyMaterial::Spki(spki.clone())).expect("public key");
    assert!(public.verify(&scheme, message, &signature).expect("verify"));
    time("RSA-2048 PKCS#1 v1.5 SHA-256 verify (imported once)", 1000, budget, || {
        black_box(public.verify(&scheme, black_box(message), black_box(&signature)).ok());
    });
    time("RSA-2048 SPKI import", 1000, budget, || {
        black_box(Key::import(KeyMaterial::Spki(black_box(spki.clone()))).ok());
    });
    time("RSA-2048 PKCS#1 v1.5 SHA-256 sign", 50, budget, || {
        black_box(private.sign(&scheme, black_box(message)).ok());
    });

    let kib = vec![0x5a; 1024];
    time("SHA-256 of 1 KiB", 20_000, budget, || {
        black_box(digest(Hash::Sha256, black_box(&kib)));
    });
    time("HMAC-SHA-256 of 1 KiB", 20_000, budget, || {
        black_box(hmac(Hash::Sha256, b"key", black_box(&kib)).ok());
    });
    time("MD5 of 1 KiB", 20_000, budget, || {
        black_box(digest(Hash::Md5, black_box(&kib)));
    });

    let ec = Key::generate(KeySpec::Ec(Curve::P256)).expect("key");
    let ec_scheme = Scheme::Ecdsa { hash: Hash::Sha256, der: false };
    let ec_signature = ec.sign(&ec_scheme, message).expect("sign");
    let ec_public = ec.public().expect("public");
    time("ECDSA P-256 SHA-256 verify (imported once)", 1000, budget, || {
        black_box(ec_public.verify(&ec_scheme, black_box(message), black_box(&ec_signature)).ok());
    });
    let ed = Key::generate(KeySpec::Okp(Curve::Ed25519)).expect("key");
    let ed_signature = ed.sign(&Scheme::Ed25519, message).expect("sign");
    let ed_public = ed.public().expect("public");
    time("Ed25519 verify (imported once)", 1000, budget, || {
        black_box(ed_public.verify(&Scheme::Ed25519, black_box(message), black_box(&ed_signature)).ok());
    });
    let aes = Key::import(KeyMaterial::Secret(vec![7; 16])).expect("key");
    time("AES-128-GCM encrypt 1 KiB", 20_000, budget, || {
        black_box(aes.aes_gcm_encrypt(&[1; 12], b"", 16, black_box(&kib)).ok());
    });
    let sealed = aes.aes_gcm_encrypt(&[1; 12], b"", 12, &kib).expect("seal");
    time("AES-128-GCM decrypt 1 KiB, 96-bit tag", 20_000, budget, || {
        black_box(aes.aes_gcm_decrypt(&[1; 12], b"", 12, black_box(&sealed)).ok());
    });

    if std::env::args().any(|arg| arg == "--limits") {
        let iterations = MAX_PBKDF2_WORK as u32;
        for hash in [Hash::Sha1, Hash::Sha256, Hash::Sha512, Hash::Sha3_256] {
            once(&format!("pbkdf2 {} × {iterations} iterations (the most)", hash.name()), || {
                black_box(pbkdf2(hash, b"password", b"salt", iterations, hash.output_len()).ok());
            });
        }
        // The most work (N × r × p = 2^21), and nearly the most memory (N × r = 2^19 − 2^15).
        for (n, r, p) in [(1u64 << 15, 8u32, 8u32), (1 << 15, 15, 4)] {
            once(
                &format!("scrypt N={n} r={r} p={p} ({} MiB)", (128 * u64::from(r) * (n + u64::from(p) + 2)) >> 20),
                || {
                    assert!(scrypt(b"p", b"s", n, r, p, 64, MAX_SCRYPT_MEMORY).is_ok());
                },
            );
        }
        once("scrypt N=2^14 r=8 p=1 (Node's default)", || {
            black_box(scrypt(b"p", b"s", 1 << 14, 8, 1, 64, MAX_SCRYPT_MEMORY).ok());
        });
        for bits in [2048, 4096, 8192] {
            once(&format!("RSA-{bits} generation"), || {
                black_box(Key::generate(KeySpec::Rsa { bits, public_exponent: 65537 }).ok());
            });
        }
    }
}
