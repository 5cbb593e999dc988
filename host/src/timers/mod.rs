//! The host half of the event loop (the guest's is `guest/src/timers/`): the one blocking
//! call the guest makes when its next timer is not yet due. The wait suspends the
//! instance's fiber, so every other execution in the process keeps running, and is woken
//! by the epoch ticker (`epoch.rs`, every [`TICK`](crate::epoch::TICK)): no runtime timer
//! is needed. A wait that would pass the execution's deadline ends the execution there,
//! as a timeout.

use std::time::{Duration, Instant};

use wasmtime::Trap;

use crate::bindings::actionbox_sandbox::contract::event_loop::Host;
use crate::state::HostState;

impl Host for HostState {
    async fn wait(&mut self, nanoseconds: u64) -> wasmtime::Result<()> {
        let until = Instant::now().checked_add(Duration::from_nanos(nanoseconds)).unwrap_or(self.deadline);
        if until >= self.deadline {
            let _ = self.timers.bounded(self.deadline, std::future::pending::<()>()).await;
            return Err(Trap::Interrupt.into());
        }
        let _ = self.timers.bounded(until, std::future::pending::<()>()).await;
        Ok(())
    }
}
