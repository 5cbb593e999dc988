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
//!   its yields; it runs when none is, and at least one slice every [`STARVATION_BOUND`],
//!   so it still ends at its deadline (within that bound).
//!
//! The epoch callback (`store.rs`) and the event loop's wait (`timers/`) mark long
//! runners; the ticker (`epoch.rs`) starts a new round every [`STARVATION_BOUND`];
//! [`Scheduler::run`] wraps every guest call that runs an Action.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
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

/// The longest a long runner waits between two slices while short executions keep
/// arriving.
pub const STARVATION_BOUND: Duration = Duration::from_millis(50);

/// The engine's scheduler: how many short executions are in flight, and the long runners
/// parked until there are none.
#[derive(Default)]
pub struct Scheduler {
    short: AtomicUsize,
    round: AtomicU64,
    parked: Mutex<Vec<Waker>>,
}

impl Scheduler {
    /// A ticket for an execution starting now: short until marked long.
    pub fn ticket(self: &Arc<Self>) -> Ticket {
        self.short.fetch_add(1, Ordering::SeqCst);
        Ticket { scheduler: self.clone(), long: Arc::new(AtomicBool::new(false)), started: Instant::now() }
    }

    /// A new round: every parked long runner gets a slice. Called by the ticker every
    /// [`STARVATION_BOUND`].
    pub fn next_round(&self) {
        self.round.fetch_add(1, Ordering::SeqCst);
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
    /// executions are in flight, but for one slice a round.
    pub async fn run<F: Future>(&self, ticket: &Ticket, demote: bool, call: F) -> F::Output {
        let mut call = pin!(call);
        let mut last_round = u64::MAX;
        poll_fn(|cx| {
            if demote && ticket.is_long() {
                let round = self.round.load(Ordering::SeqCst);
                if round == last_round && self.short.load(Ordering::SeqCst) > 0 {
                    self.parked.lock().unwrap_or_else(|p| p.into_inner()).push(cx.waker().clone());
                    // The last short execution may have left between the check and the
                    // push: then nothing would wake this one until the next round.
                    if self.short.load(Ordering::SeqCst) == 0 {
                        self.wake_parked();
                    }
                    return Poll::Pending;
                }
                last_round = round;
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

    #[test]
    fn a_long_runner_waits_while_a_short_execution_is_in_flight_but_one_slice_a_round() {
        let scheduler = Arc::new(Scheduler::default());
        let long = scheduler.ticket();
        long.long_runner().mark();
        let short = scheduler.ticket();
        let polls = AtomicUsize::new(0);
        let wakes = Arc::new(Counting::default());
        let waker = std::task::Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        let mut run = pin!(scheduler.run(&long, true, yielding(&polls)));
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 1, "the first poll of a round runs");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 1, "parked while the short one is in flight");
        let woken = wakes.0.load(Ordering::SeqCst);
        scheduler.next_round();
        assert!(wakes.0.load(Ordering::SeqCst) > woken, "a new round wakes the parked");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 2, "one slice in the new round");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 2);
        let woken = wakes.0.load(Ordering::SeqCst);
        drop(short);
        assert!(wakes.0.load(Ordering::SeqCst) > woken, "the last short one leaving wakes the parked");
        for expected in 3..6 {
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(polls.load(Ordering::SeqCst), expected, "no short one in flight: it runs freely");
        }
    }

    #[test]
    fn without_demotion_or_while_short_a_call_is_never_parked() {
        let scheduler = Arc::new(Scheduler::default());
        let long = scheduler.ticket();
        long.long_runner().mark();
        let short = scheduler.ticket();
        let other = scheduler.ticket();
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
        let ticket = scheduler.ticket();
        let runner = ticket.long_runner();
        runner.check(LONG_RUN_FUEL);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 1, "at the threshold it is still short");
        runner.check(LONG_RUN_FUEL + 1);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0);
        runner.mark();
        drop(ticket);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0, "counted once");
        let ticket = scheduler.ticket();
        std::thread::sleep(LONG_RUN_TIME + Duration::from_millis(1));
        ticket.long_runner().check(0);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0, "long by time");
    }
}
