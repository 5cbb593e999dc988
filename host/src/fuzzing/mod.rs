//! What the fuzz targets reach that an embedder does not (the `testing` feature, off by
//! default): the host's side of the WIT boundary, called directly with arbitrary values
//! of the contract's types ([`Boundary`]), or through the canonical ABI with raw values
//! no compiled guest passes ([`Forger`]), and the egress policy's URL check on its own
//! ([`egress_verdict`]). The generators and oracles that use them are in
//! `crates/fuzzing`; nothing here decides what is a finding.

mod boundary;
mod egress;
mod forged;

pub use boundary::{Boundary, Footprint, Import};
pub use egress::{Verdict, address_allowed, egress_verdict};
pub use forged::{Forged, ForgedCall, Forger};

/// The WIT types an [`Import`] carries, for building them by hand in tests.
pub mod wit {
    pub use crate::bindings::actionbox_sandbox::api::cache::SetOptions;
    pub use crate::bindings::actionbox_sandbox::api::dispatch::MethodCall;
    pub use crate::bindings::actionbox_sandbox::contract::console::Level;
    pub use crate::bindings::actionbox_sandbox::contract::crypto::Operation;
    pub use crate::bindings::actionbox_sandbox::contract::fetch::{RedirectMode, Request};
    pub use crate::bindings::types::{RunError, RunReport};
}
