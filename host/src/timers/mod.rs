//! The host half of the event loop (the guest's is `guest/src/timers/`): the one blocking
//! call the guest makes when its next timer is not yet due and no request has completed.
//! The wait suspends the instance's fiber, so every other execution in the process keeps
//! running. It ends when one of the execution's requests completes (`fetch/`), at once,
//! or when the time has passed, woken by the epoch ticker (`epoch.rs`, every
//! [`TICK`](crate::epoch::TICK)): no runtime timer is needed. A wait that would pass the
//! execution's deadline ends the execution there, as a timeout.

use std::time::{Duration, Instant};

use wasmtime::Trap;

use crate::bindings::actionbox_sandbox::contract::event_loop::Host;
use crate::state::HostState;

impl Host for HostState {
    async fn wait(&mut self, nanoseconds: Option<u64>) -> wasmtime::Result<Vec<u32>> {
        // A replay does not wait: the recording says what completed, and its clock
        // readings say what time it is.
        if let Some(completed) = self.requests.replay_wait() {
            return Ok(completed);
        }
        // An execution that waits is no longer a short one (`engine/schedule.rs`).
        if let Some(long_runner) = &self.long_runner {
            long_runner.mark();
        }
        let until = nanoseconds
            .and_then(|ns| Instant::now().checked_add(Duration::from_nanos(ns)))
            .map_or(self.deadline, |until| until.min(self.deadline));
        let woken = if self.requests.in_flight() {
            self.timers.bounded(until, self.requests.completed()).await
        } else {
            self.timers.bounded(until, std::future::pending::<Vec<u32>>()).await
        };
        match woken {
            Ok(completed) => {
                self.requests.record_wait(&completed);
                Ok(completed)
            }
            Err(_) if until >= self.deadline => Err(Trap::Interrupt.into()),
            Err(_) => {
                self.requests.record_wait(&[]);
                Ok(Vec::new())
            }
        }
    }
}
