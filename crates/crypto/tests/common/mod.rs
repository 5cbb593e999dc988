//! Helpers shared by the tests: hex, the data Node made (`data/node.txt`), keys.
#![allow(dead_code)]

pub mod rfc;

use actionbox_crypto::{Key, KeyMaterial};

/// The bytes of a hex string (whitespace ignored).
pub fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(|byte| !byte.is_ascii_whitespace()).collect();
    assert!(digits.len().is_multiple_of(2), "odd hex: {text}");
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).expect("ascii"), 16).expect("hex digit"))
        .collect()
}

/// A hex string of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The value named `name` in `data/node.txt` (made by `data/generate.mjs`).
pub fn node(name: &str) -> Vec<u8> {
    let data = include_str!("../data/node.txt");
    for line in data.lines() {
        if let Some((key, value)) = line.split_once('=')
            && key.trim() == name
        {
            return hex(value);
        }
    }
    panic!("no {name} in data/node.txt");
}

/// Imports material that must import.
pub fn import(material: KeyMaterial) -> Key {
    Key::import(material).expect("the key imports")
}

/// A deterministic byte sequence of `len` bytes (an xorshift stream from `seed`).
pub fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
