//! A store for one execution, or for the Actions of a flow that share an instance: its
//! host state, memory limiter, epoch deadline and fuel, the limits the guest applies to
//! its own QuickJS runtime, and where an execution's store is dropped.

use std::time::Instant;

use tokio::sync::OwnedSemaphorePermit;
use wasmtime::{Store, Trap, UpdateDeadline};

use super::Engine;
use super::schedule::LONG_RUN_GROWTH;
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
        store.limiter_async(|state| state);
        // Checked at every epoch tick: past the deadline the call traps, otherwise it
        // yields so that other executions on the same thread progress.
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(move |cx| {
            if Instant::now() >= cx.data().deadline {
                return Err(Trap::Interrupt.into());
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

/// Drops an execution's store, then gives back its slot. A store whose memory grew by more
/// than [`LONG_RUN_GROWTH`] is dropped on a blocking thread, and waited for: giving its
/// pages back to the system takes milliseconds (for a memory bomb's 64 MiB) that the
/// executions sharing this async worker thread would otherwise wait behind.
pub(crate) async fn dispose(store: Store<HostState>, slot: OwnedSemaphorePermit) {
    let grown = grown(&store);
    drop_off_the_worker_if(grown, move || drop((store, slot))).await;
}

/// Drops a flow's store as [`dispose`] does, and returns what the flow's next store
/// takes over from it.
pub(crate) async fn dispose_carrying(mut store: Store<HostState>) -> Carried {
    let carried = store.data_mut().take_carried();
    let grown = grown(&store);
    drop_off_the_worker_if(grown, move || drop(store)).await;
    carried
}

/// Whether `store`'s memory grew by more than [`LONG_RUN_GROWTH`].
fn grown(store: &Store<HostState>) -> bool {
    store.data().limiter.grown_bytes() > LONG_RUN_GROWTH
}

/// Runs `drop_it` on a blocking thread when `off` (and a tokio runtime is there to lend
/// one), else here.
async fn drop_off_the_worker_if(off: bool, drop_it: impl FnOnce() + Send + 'static) {
    match tokio::runtime::Handle::try_current() {
        // A drop that panicked has nothing left to give back.
        Ok(runtime) if off => _ = runtime.spawn_blocking(drop_it).await,
        _ => drop_it(),
    }
}
