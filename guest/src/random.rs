//! `Math.random`, replacing QuickJS's: xorshift128+ seeded from the WASI random source
//! on its first use in each `run`, so no seed is ever kept in a snapshot (a per-Action
//! snapshot's top level may have drawn from it), and a recorded execution replays its
//! draws (the random source is the execution's). [`fill`] is that source, for `crypto`
//! too.

use std::cell::Cell;

use javy::quickjs::{Ctx, Function, Object, Result};

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    /// WASI preview 1's `random_get`: fills `len` bytes at `buf`; 0 on success.
    #[link_name = "random_get"]
    fn wasi_random_get(buf: *mut u8, len: usize) -> i32;
}

thread_local! {
    /// The generator's state; none until the run's first draw.
    static STATE: Cell<Option<[u64; 2]>> = const { Cell::new(None) };
}

/// Fills `len` bytes at `buf` from the WASI random source; whether it could.
///
/// # Safety
/// `buf` must be valid for writes of `len` bytes.
pub unsafe fn fill(buf: *mut u8, len: usize) -> bool {
    // SAFETY: the caller's promise.
    unsafe { wasi_random_get(buf, len) == 0 }
}

/// Forgets the generator's state: the next draw seeds it afresh.
pub fn reseed() {
    STATE.set(None);
}

/// Makes `Math.random` the generator below (same name, length and attributes).
pub fn install(ctx: &Ctx<'_>) -> Result<()> {
    let math: Object = ctx.globals().get("Math")?;
    math.set("random", Function::new(ctx.clone(), random)?.with_name("random")?)
}

fn random() -> f64 {
    let [mut s0, mut s1] = STATE.get().unwrap_or_else(seed);
    // xorshift128+ (Vigna), as V8 uses for Math.random.
    let result = s0.wrapping_add(s1);
    let t = s0;
    s0 = s1;
    let t = t ^ (t << 23);
    s1 = t ^ s0 ^ (t >> 17) ^ (s0 >> 26);
    STATE.set(Some([s0, s1]));
    // The top 53 bits, as a fraction in [0, 1).
    (result >> 11) as f64 / (1u64 << 53) as f64
}

fn seed() -> [u64; 2] {
    let mut bytes = [0u8; 16];
    // SAFETY: `bytes` is a live local of that length. A failing source leaves zeros,
    // which the fallback below replaces (the state must not be all zero).
    unsafe { fill(bytes.as_mut_ptr(), bytes.len()) };
    let s0 = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
    let s1 = u64::from_le_bytes(bytes[8..].try_into().expect("8 bytes"));
    if s0 | s1 == 0 { [0x9e37_79b9_7f4a_7c15, 0xbf58_476d_1ce4_e5b9] } else { [s0, s1] }
}
