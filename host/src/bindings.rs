//! The one place the WIT contract (`wit/`, with the `api` package in `wit/api/`) is bound
//! on the host side.
//!
//! Imports (the `api` namespaces, `console`, `fetch`) are synchronous and bounded, but for
//! `api.cache`, whose store may be remote, and the event loop's `wait`: they are async,
//! and bounded by the execution's deadline (`wait` ends the execution there). `fetch`
//! only starts requests; they run on the async runtime while the guest goes on. The
//! guest's exports are called asynchronously so the epoch callback can yield between
//! ticks.
//!
//! With the `testing` feature every generated type also derives `arbitrary::Arbitrary`,
//! so the boundary fuzzer (`fuzzing/boundary.rs`) can call the imports with any value the
//! contract's types can hold.

macro_rules! bind {
    ($($extra:tt)*) => {
        wasmtime::component::bindgen!({
            path: ["../wit/api", "../wit"],
            world: "actionbox-sandbox:contract/action-runtime",
            imports: {
                "actionbox-sandbox:api/cache": async,
                "actionbox-sandbox:contract/event-loop.wait": async | trappable,
            },
            exports: { default: async },
            $($extra)*
        });
    };
}

#[cfg(not(feature = "testing"))]
bind!();
#[cfg(feature = "testing")]
bind!(additional_derives: [arbitrary::Arbitrary],);

pub use self::actionbox_sandbox::contract::scan_types;
pub use self::actionbox_sandbox::contract::types;
