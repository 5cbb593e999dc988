//! The epoch ticker: one thread per engine advancing wasmtime's epoch every [`TICK`].
//!
//! Each store's epoch callback (see `engine.rs`) runs once per tick while its Action
//! runs: it traps once the execution's deadline has passed, and otherwise yields to the
//! async executor so that concurrent executions progress. A deadline is thus met within
//! one tick.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the epoch advances.
pub const TICK: Duration = Duration::from_millis(2);

/// Stops and joins its thread when dropped.
pub struct EpochTicker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl EpochTicker {
    pub fn start(engine: wasmtime::Engine) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new().name("actionbox-epoch".into()).spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                engine.increment_epoch();
            }
        })?;
        Ok(EpochTicker { stop, thread: Some(thread) })
    }
}

impl Drop for EpochTicker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
