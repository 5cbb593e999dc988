//! The engine's clock: one thread per engine advancing wasmtime's epoch every [`TICK`],
//! and waking the host calls that wait against a deadline.
//!
//! Each store's epoch callback (see `engine/store.rs`) runs once per tick while its Action
//! runs: it traps once the execution's deadline has passed, and otherwise yields to the
//! async executor so that concurrent executions progress. A deadline is thus met within
//! one tick. A host call that waits (`api.cache` on a slow store) is not wasm, so the
//! epoch cannot stop it; it waits through [`Timers::bounded`] instead, which gives up at
//! the deadline, also within a tick, on any async executor.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the epoch advances.
pub const TICK: Duration = Duration::from_millis(2);

/// Stops and joins its thread when dropped.
pub struct EpochTicker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    timers: Timers,
}

impl EpochTicker {
    /// Starts the ticker of `engine`, which also wakes `scheduler`'s parked long runners
    /// to look again.
    pub fn start(engine: wasmtime::Engine, scheduler: Arc<crate::engine::Scheduler>) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let timers = Timers::default();
        let due = timers.clone();
        let thread = std::thread::Builder::new().name("actionbox-epoch".into()).spawn(move || {
            let per_recheck = (crate::engine::RECHECK.as_millis() / TICK.as_millis()).max(1);
            let mut ticks = 0u128;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                engine.increment_epoch();
                due.wake_due(Instant::now());
                ticks += 1;
                if ticks.is_multiple_of(per_recheck) {
                    scheduler.recheck();
                }
            }
        })?;
        Ok(EpochTicker { stop, thread: Some(thread), timers })
    }

    /// The deadlines this ticker wakes.
    pub fn timers(&self) -> &Timers {
        &self.timers
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

/// The deadlines host calls wait against, by time; the ticker wakes each once it is due.
#[derive(Clone, Default)]
pub struct Timers {
    inner: Arc<TimersInner>,
}

#[derive(Default)]
struct TimersInner {
    waiting: Mutex<BTreeMap<(Instant, u64), Waker>>,
    next_id: AtomicU64,
}

impl std::fmt::Debug for Timers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Timers")
    }
}

/// `bounded` gave up: the deadline came first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastDeadline;

impl Timers {
    /// Waits for `future` until `deadline`.
    pub async fn bounded<F: Future>(&self, deadline: Instant, future: F) -> Result<F::Output, PastDeadline> {
        let id = self.inner.next_id.fetch_add(1, Ordering::Relaxed);
        Bounded { future: Box::pin(future), key: (deadline, id), timers: self }.await
    }

    fn wake_due(&self, now: Instant) {
        let mut waiting = self.inner.waiting.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while let Some(entry) = waiting.first_entry() {
            if entry.key().0 > now {
                break;
            }
            entry.remove().wake();
        }
    }

    fn register(&self, key: (Instant, u64), waker: &Waker) {
        let mut waiting = self.inner.waiting.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        waiting.insert(key, waker.clone());
    }

    fn forget(&self, key: (Instant, u64)) {
        let mut waiting = self.inner.waiting.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        waiting.remove(&key);
    }
}

/// `future` until the deadline in `key`.
struct Bounded<'a, F> {
    future: Pin<Box<F>>,
    key: (Instant, u64),
    timers: &'a Timers,
}

impl<F: Future> Future for Bounded<'_, F> {
    type Output = Result<F::Output, PastDeadline>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Poll::Ready(output) = self.future.as_mut().poll(cx) {
            return Poll::Ready(Ok(output));
        }
        if Instant::now() >= self.key.0 {
            return Poll::Ready(Err(PastDeadline));
        }
        self.timers.register(self.key, cx.waker());
        Poll::Pending
    }
}

impl<F> Drop for Bounded<'_, F> {
    fn drop(&mut self) {
        self.timers.forget(self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(future)
    }

    /// Never ready, and never wakes anyone.
    struct Never;

    impl Future for Never {
        type Output = ();
        fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
            Poll::Pending
        }
    }

    #[test]
    fn a_call_that_never_answers_ends_at_the_deadline_without_a_runtime_timer() {
        let ticker = EpochTicker::start(wasmtime::Engine::default(), Default::default()).unwrap();
        let started = Instant::now();
        let deadline = started + Duration::from_millis(30);
        // The runtime has no time driver: only the ticker can wake the wait.
        assert_eq!(block_on(ticker.timers().bounded(deadline, Never)), Err(PastDeadline));
        assert!(Instant::now() >= deadline);
        assert!(ticker.timers.inner.waiting.lock().unwrap().is_empty(), "nothing is left registered");
    }

    #[test]
    fn a_call_that_answers_in_time_gives_its_answer() {
        let ticker = EpochTicker::start(wasmtime::Engine::default(), Default::default()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        assert_eq!(block_on(ticker.timers().bounded(deadline, async { 7 })), Ok(7));
        assert!(ticker.timers.inner.waiting.lock().unwrap().is_empty());
    }
}
