//! A store for one execution, or for the Actions of a flow that share an instance: its
//! host state, memory limiter, epoch deadline and fuel, and the limits the guest applies
//! to its own QuickJS runtime.

use std::time::Instant;

use wasmtime::{Store, Trap, UpdateDeadline};

use super::Engine;
use crate::bindings::types::Limits;
use crate::cache::ApiCache;
use crate::limits;
use crate::state::{Carried, HostState};
use crate::trigger::Trigger;

impl Engine {
    /// A store for one execution, or for the Actions of a flow that share an instance:
    /// the memory limiter and the deadline set (fuel is set per Action).
    pub(crate) fn new_store(&self, trigger: Trigger, deadline: Instant, carried: Carried) -> Store<HostState> {
        let config = &self.inner.config;
        let timers = self.inner.ticker.timers();
        let cache = ApiCache::new(config.api_cache_store.clone(), timers.clone(), trigger, carried.cache);
        let state = HostState::new(trigger, config.memory_bytes, deadline, timers.clone(), cache, carried.totals);
        let mut store = Store::new(&self.inner.engine, state);
        store.limiter(|state| &mut state.limiter);
        // Checked at every epoch tick: past the deadline the call traps, otherwise it
        // yields so that other executions on the same thread progress.
        // It also marks the running Action a long runner once it has used
        // `LONG_RUN_FUEL` or run `LONG_RUN_TIME` (`schedule.rs`).
        store.set_epoch_deadline(1);
        let fuel = config.fuel;
        store.epoch_deadline_callback(move |cx| {
            if Instant::now() >= cx.data().deadline {
                return Err(Trap::Interrupt.into());
            }
            if let Some(long_runner) = &cx.data().long_runner {
                long_runner.check(fuel.saturating_sub(cx.get_fuel().unwrap_or(0)));
            }
            Ok(UpdateDeadline::Yield(1))
        });
        if let Some(interval) = config.yield_interval {
            store.fuel_async_yield_interval(Some(interval)).expect("fuel and async are enabled in the engine config");
        }
        store
    }

    /// A full CPU budget and a fresh epoch deadline for the next Action.
    pub(crate) fn arm(&self, store: &mut Store<HostState>) {
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        store.set_epoch_deadline(1);
    }

    pub(crate) fn guest_limits(&self) -> Limits {
        let config = &self.inner.config;
        Limits { heap_bytes: limits::js_heap_bytes(config.memory_bytes), stack_bytes: config.js_stack_bytes }
    }
}
