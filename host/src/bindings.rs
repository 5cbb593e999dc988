//! The one place the WIT contract (`wit/runtime.wit`) is bound on the host side.
//!
//! Imports (the `api` namespaces and `console`) are synchronous and bounded; the guest's
//! exports are called asynchronously so the epoch callback can yield between ticks.

wasmtime::component::bindgen!({
    path: "../wit",
    world: "action-runtime",
    exports: { default: async },
});

pub use self::actionbox::runtime::types;
