//! Short executions first: how executions share the async runtime's threads when some of
//! them run long (a hostile loop burning CPU until its deadline). Two parts, each a
//! [`Config`](crate::Config) setting, on by default:
//!
//! - **Yield interval** ([`Config::yield_interval`](crate::Config::yield_interval)): the
//!   guest's fiber yields to the executor after every so many units of fuel, so an
//!   execution that arrives while a thread runs wasm waits at most one such slice, not a
//!   whole epoch tick.
//! - **Demotion** ([`Config::demote_long_runners`](crate::Config::demote_long_runners)): an
//!   execution that has used more than [`LONG_RUN_FUEL`], or has been running for more
//!   than [`LONG_RUN_TIME`], or has waited in the event loop (for a timer or a request),
//!   is a long runner. While short executions are in flight, a long runner is parked at
//!   its yields; it runs when none is, or once its deadline has passed (it then traps at
//!   once). Parked runners are looked at again every [`RECHECK`], so one ends within that
//!   of its deadline.
//!
//! A first version gave every parked runner one slice every 50 ms instead: with a hundred
//! of them those slices came in bursts of milliseconds that the short executions queued
//! behind (the hostile bench's benign p99 was 4.8 times its unloaded figure; README,
//! "Scheduling").
//!
//! The epoch callback (`store.rs`) and the event loop's wait (`timers/`) mark long
//! runners; the ticker (`epoch.rs`) wakes the parked ones every [`RECHECK`];
//! [`Scheduler::run`] wraps every guest call that runs an Action.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::{Duration, Instant};

/// The default yield interval in fuel: about 45 µs of guest code.
pub const DEFAULT_YIELD_FUEL: u64 = 100_000;

/// Fuel after which an execution is a long runner: about a millisecond of guest code on
/// the machines this was measured on (2.2 million units per millisecond).
pub const LONG_RUN_FUEL: u64 = 2_000_000;

/// Time after which a running execution is a long runner whatever its fuel (host calls,
/// such as cryptography, use none).
pub const LONG_RUN_TIME: Duration = Duration::from_millis(10);

/// How often parked long runners are woken to look again (their deadline may have
/// passed): the most a parked runner's end may trail its deadline.
pub const RECHECK: Duration = Duration::from_millis(10);

/// The engine's scheduler: how many short executions are in flight, and the long runners
/// parked until there are none.
#[derive(Default)]
pub struct Scheduler {
    short: AtomicUsize,
    parked: Mutex<Vec<Waker>>,
}

impl Scheduler {
    /// A ticket for an execution starting now, whose deadline is `deadline`: short until
    /// marked long.
    pub fn ticket(self: &Arc<Self>, deadline: Instant) -> Ticket {
        self.short.fetch_add(1, Ordering::SeqCst);
        Ticket { scheduler: self.clone(), long: Arc::new(AtomicBool::new(false)), started: Instant::now(), deadline }
    }

    /// Wakes every parked long runner to look again. Called by the ticker every
    /// [`RECHECK`].
    pub fn recheck(&self) {
        self.wake_parked();
    }

    fn wake_parked(&self) {
        let parked = std::mem::take(&mut *self.parked.lock().unwrap_or_else(|p| p.into_inner()));
        for waker in parked {
            waker.wake();
        }
    }

    fn short_left(&self) {
        if self.short.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.wake_parked();
        }
    }

    /// Runs `call` (a guest call running an Action) under `ticket`: when `demote` is on
    /// and the call has become a long runner, it is parked at its yields while short
    /// executions are in flight, until its deadline.
    pub async fn run<F: Future>(&self, ticket: &Ticket, demote: bool, call: F) -> F::Output {
        let mut call = pin!(call);
        poll_fn(|cx| {
            if demote && ticket.is_long() && self.short.load(Ordering::SeqCst) > 0 && Instant::now() < ticket.deadline {
                self.parked.lock().unwrap_or_else(|p| p.into_inner()).push(cx.waker().clone());
                // The last short execution may have left between the check and the push:
                // then nothing would wake this one until the next recheck.
                if self.short.load(Ordering::SeqCst) == 0 {
                    self.wake_parked();
                }
                return Poll::Pending;
            }
            call.as_mut().poll(cx)
        })
        .await
    }
}

/// One execution's place in the scheduler; the store's epoch callback marks it long.
pub struct Ticket {
    scheduler: Arc<Scheduler>,
    long: Arc<AtomicBool>,
    started: Instant,
    deadline: Instant,
}

impl Ticket {
    /// The flag the store's epoch callback sets (through [`LongRunner::mark`]).
    pub fn long_runner(&self) -> LongRunner {
        LongRunner { scheduler: self.scheduler.clone(), long: self.long.clone(), started: self.started }
    }

    fn is_long(&self) -> bool {
        self.long.load(Ordering::SeqCst)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.long.swap(true, Ordering::SeqCst) {
            self.scheduler.short_left();
        }
    }
}

/// What a store holds to mark its execution as a long runner.
#[derive(Clone)]
pub struct LongRunner {
    scheduler: Arc<Scheduler>,
    long: Arc<AtomicBool>,
    started: Instant,
}

impl LongRunner {
    /// Marks the execution long if it has used more than [`LONG_RUN_FUEL`] (`used`) or
    /// run for more than [`LONG_RUN_TIME`].
    pub fn check(&self, used: u64) {
        if used > LONG_RUN_FUEL || self.started.elapsed() > LONG_RUN_TIME {
            self.mark();
        }
    }

    /// Marks the execution long (once): it no longer counts as short.
    pub fn mark(&self) {
        if !self.long.swap(true, Ordering::SeqCst) {
            self.scheduler.short_left();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::task::{Context, Wake};

    use super::*;

    /// A waker that counts its wakes.
    #[derive(Default)]
    struct Counting(AtomicUsize);

    impl Wake for Counting {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// A guest call that yields forever, counting how often it is polled.
    fn yielding(polls: &AtomicUsize) -> impl Future<Output = ()> + '_ {
        poll_fn(move |cx| {
            polls.fetch_add(1, Ordering::SeqCst);
            cx.waker().wake_by_ref();
            Poll::Pending
        })
    }

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    #[test]
    fn a_long_runner_waits_while_a_short_execution_is_in_flight() {
        let scheduler = Arc::new(Scheduler::default());
        let long = scheduler.ticket(later());
        long.long_runner().mark();
        let short = scheduler.ticket(later());
        let polls = AtomicUsize::new(0);
        let wakes = Arc::new(Counting::default());
        let waker = std::task::Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        let mut run = pin!(scheduler.run(&long, true, yielding(&polls)));
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 0, "parked while the short one is in flight");
        let woken = wakes.0.load(Ordering::SeqCst);
        scheduler.recheck();
        assert!(wakes.0.load(Ordering::SeqCst) > woken, "a recheck wakes the parked");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 0, "and it parks again");
        let woken = wakes.0.load(Ordering::SeqCst);
        drop(short);
        assert!(wakes.0.load(Ordering::SeqCst) > woken, "the last short one leaving wakes the parked");
        for expected in 1..4 {
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(polls.load(Ordering::SeqCst), expected, "no short one in flight: it runs freely");
        }
    }

    #[test]
    fn a_long_runner_past_its_deadline_runs_to_its_end() {
        let scheduler = Arc::new(Scheduler::default());
        let long = scheduler.ticket(Instant::now());
        long.long_runner().mark();
        let _short = scheduler.ticket(later());
        let polls = AtomicUsize::new(0);
        let waker = std::task::Waker::from(Arc::new(Counting::default()));
        let mut cx = Context::from_waker(&waker);
        let mut run = pin!(scheduler.run(&long, true, yielding(&polls)));
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 1, "past its deadline it runs (and traps there)");
    }

    #[test]
    fn without_demotion_or_while_short_a_call_is_never_parked() {
        let scheduler = Arc::new(Scheduler::default());
        let long = scheduler.ticket(later());
        long.long_runner().mark();
        let short = scheduler.ticket(later());
        let other = scheduler.ticket(later());
        let polls = AtomicUsize::new(0);
        let waker = std::task::Waker::from(Arc::new(Counting::default()));
        let mut cx = Context::from_waker(&waker);
        let mut demotion_off = pin!(scheduler.run(&long, false, yielding(&polls)));
        let mut still_short = pin!(scheduler.run(&short, true, yielding(&polls)));
        for _ in 0..3 {
            assert!(demotion_off.as_mut().poll(&mut cx).is_pending());
            assert!(still_short.as_mut().poll(&mut cx).is_pending());
        }
        assert_eq!(polls.load(Ordering::SeqCst), 6);
        drop(other);
    }

    #[test]
    fn a_short_execution_turns_long_by_fuel_or_time_and_counts_once() {
        let scheduler = Arc::new(Scheduler::default());
        let ticket = scheduler.ticket(later());
        let runner = ticket.long_runner();
        runner.check(LONG_RUN_FUEL);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 1, "at the threshold it is still short");
        runner.check(LONG_RUN_FUEL + 1);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0);
        runner.mark();
        drop(ticket);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0, "counted once");
        let ticket = scheduler.ticket(later());
        std::thread::sleep(LONG_RUN_TIME + Duration::from_millis(1));
        ticket.long_runner().check(0);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0, "long by time");
    }
}
