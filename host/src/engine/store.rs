//! A store for one execution, or for the Actions of a flow that share an instance: its
//! host state, memory limiter, epoch deadline and fuel, the limits the guest applies to
//! its own QuickJS runtime, and where an execution's store is dropped.

use std::time::Instant;

use tokio::sync::OwnedSemaphorePermit;
use wasmtime::{Store, Trap, UpdateDeadline};

use super::Engine;
use super::schedule::{CLEANUP_WAIT, LONG_RUN_GROWTH, LONG_RUNNER_YIELD_FUEL, LongRunner, Turn};
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
        // yields so that other executions on the same thread progress. Where long runners
        // are demoted, a long runner's yield interval is shortened there, once.
        store.set_epoch_deadline(1);
        let shorten = config.demote_long_runners && config.yield_interval.is_some();
        store.epoch_deadline_callback(move |mut cx| {
            if Instant::now() >= cx.data().deadline {
                return Err(Trap::Interrupt.into());
            }
            if shorten && cx.data().long_runner.as_ref().is_some_and(LongRunner::shorten_slices) {
                cx.fuel_async_yield_interval(Some(LONG_RUNNER_YIELD_FUEL))?;
            }
            Ok(UpdateDeadline::Yield(1))
        });
        if let Some(interval) = config.yield_interval {
            store.fuel_async_yield_interval(Some(interval)).expect("fuel and async are enabled in the engine config");
        }
        store
    }

    /// A full CPU budget, a fresh epoch deadline and the configured yield interval (the
    /// last Action may have been a long runner) for the next Action.
    pub(crate) fn arm(&self, store: &mut Store<HostState>) {
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        store.set_epoch_deadline(1);
        if let Some(interval) = self.inner.config.yield_interval {
            store.fuel_async_yield_interval(Some(interval)).expect("fuel and async are enabled in the engine config");
        }
    }

    pub(crate) fn guest_limits(&self) -> Limits {
        let config = &self.inner.config;
        Limits { heap_bytes: limits::js_heap_bytes(config.memory_bytes), stack_bytes: config.js_stack_bytes }
    }
}

impl Engine {
    /// Drops an execution's store, then gives back its slot. A store whose memory grew
    /// by more than [`LONG_RUN_GROWTH`] is a long runner's, and is dropped here in a long
    /// runner's turn ([`Scheduler::cleanup_turn`](super::Scheduler::cleanup_turn)):
    /// giving its pages back to the system takes milliseconds (6-7 ms for a memory bomb's
    /// 64 MiB) of one system call, which must neither hold up a short execution queued on
    /// this thread nor, on a thread beside the async workers, take a CPU from one.
    pub(crate) async fn dispose(&self, store: Store<HostState>, slot: OwnedSemaphorePermit) {
        let _turn = self.cleanup_turn_if(grown(&store)).await;
        drop((store, slot));
    }

    /// Drops a flow's store as [`Engine::dispose`] does, and returns what the flow's next
    /// store takes over from it.
    pub(crate) async fn dispose_carrying(&self, mut store: Store<HostState>) -> Carried {
        let carried = store.data_mut().take_carried();
        let _turn = self.cleanup_turn_if(grown(&store)).await;
        drop(store);
        carried
    }

    /// A turn to clean up in, when `grown` and the engine demotes long runners.
    async fn cleanup_turn_if(&self, grown: bool) -> Option<Turn<'_>> {
        if !grown || !self.inner.config.demote_long_runners {
            return None;
        }
        self.inner.scheduler.cleanup_turn(CLEANUP_WAIT).await
    }
}

/// Whether `store`'s memory grew by more than [`LONG_RUN_GROWTH`].
fn grown(store: &Store<HostState>) -> bool {
    store.data().limiter.grown_bytes() > LONG_RUN_GROWTH
}
