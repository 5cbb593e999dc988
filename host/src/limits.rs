//! Every limit actionbox enforces. They live in the contract crate shared with the guest
//! (`crates/contract/src/limits.rs`), so host and guest read the same values; the README's
//! Limits table lists each one with the mechanism behind it, and a test keeps the two equal.

pub use actionbox_contract::limits::*;
