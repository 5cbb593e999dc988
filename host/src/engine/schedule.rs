//! Short executions first: how executions share the async runtime's threads when some of
//! them run long (a hostile loop burning CPU until its deadline). Two parts, each a
//! [`Config`](crate::Config) setting, on by default:
//!
//! - **Yield interval** ([`Config::yield_interval`](crate::Config::yield_interval)): the
//!   guest's fiber yields to the executor after every so many units of fuel, so an
//!   execution that arrives while a thread runs wasm waits at most one such slice, not a
//!   whole epoch tick. With demotion on, a long runner's interval is a tenth of it
//!   ([`LONG_RUNNER_YIELD_FUEL`], set by the store's epoch callback, `store.rs`).
//! - **Demotion** ([`Config::demote_long_runners`](crate::Config::demote_long_runners)): an
//!   execution that has used more than [`LONG_RUN_CPU`] of CPU time (its guest code and
//!   the host calls it made, read on the thread's CPU clock around each poll, so a loop
//!   is caught at its next yield; `cpu_time.rs`), or has grown its memory by more than [`LONG_RUN_GROWTH`], or has waited
//!   in the event loop (for a timer or a request), is a long runner. While short
//!   executions are in flight, a long runner is parked at its yields; it runs when none
//!   is, or once its deadline has passed (it then traps at once). Long runners also take
//!   turns: at most half the machine's threads (one on two cores) run one at once, a
//!   slice each, the one that has used the least CPU time next (of equals, the one
//!   parked longest); the others stay parked, so the executor's
//!   queues hold no long runners that an arriving execution would wait behind, and their
//!   page faults and memory growth do not crowd the kernel. Every [`RECHECK`] the parked
//!   runners whose deadline has passed are woken (so one ends within that of its
//!   deadline), and a turn left free is given again.
//!
//! Earlier versions, measured with the hostile bench (README, "Scheduling"): one gave every
//! parked runner a slice every 50 ms (the slices came in bursts of milliseconds that the
//! short executions queued behind); one marked long runners by fuel (two million units)
//! or ten milliseconds of wall time, checked at the epoch tick, so a hostile execution
//! ran as a short one for milliseconds, and a memory bomb, whose page faults use no fuel,
//! longer; before turns, every long runner was runnable whenever no short execution was
//! in flight; before the CPU clock, the time of a poll was read on the wall clock, so a
//! short execution whose thread was held up in the kernel (while another thread gave
//! memory back) was taken for a long runner and parked behind the hostile ones; before
//! the recheck woke only the runners due, it woke every parked one, each to park again.
//!
//! [`Scheduler::run`] wraps every guest call that runs an Action and measures its CPU
//! time; the memory limiter (`memory.rs`, where a long runner also yields at each
//! growth) and the event loop's wait (`timers/`) mark long runners too; the ticker
//! (`epoch.rs`) calls [`Scheduler::recheck`] every [`RECHECK`].

use std::collections::VecDeque;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::{Duration, Instant};

use super::cpu_time::ThreadCpu;

/// The default yield interval in fuel: about 45 µs of guest code.
pub const DEFAULT_YIELD_FUEL: u64 = 100_000;

/// A long runner's yield interval in fuel, a tenth of the default: its slices are short
/// even where fuel understates its time (filling fresh memory costs page faults that
/// use no fuel: a 1 MiB fill, about 80,000 units, took 0.9 ms), so a short execution that
/// arrives during one waits less, and shares the kernel with it for less.
pub const LONG_RUNNER_YIELD_FUEL: u64 = 10_000;

/// CPU time after which an execution is a long runner: about two million units of fuel
/// of guest code (2.2 million units per millisecond on the machines this was measured
/// on); host calls such as cryptography, and the page faults of its memory, count too.
pub const LONG_RUN_CPU: Duration = Duration::from_millis(1);

/// Memory growth after which an execution is a long runner: growing and touching memory
/// costs page faults, and giving it back when the store is dropped. The pool keeps 4 MiB
/// (`pool.rs`) of a slot's memory resident between instances; an Action that needs twice
/// that much more is no short one.
pub const LONG_RUN_GROWTH: usize = 8 * 1024 * 1024;

/// The longest a long runner's grown store waits for a turn to be dropped in
/// ([`Scheduler::cleanup_turn`]); then it is dropped anyway, so its memory and its pool
/// slot are given back even while short executions never stop arriving.
pub const CLEANUP_WAIT: Duration = Duration::from_millis(100);

/// How often the parked long runners are looked at (their deadline may have passed): the
/// most a parked runner's end may trail its deadline.
pub const RECHECK: Duration = Duration::from_millis(10);

/// The engine's scheduler: how many short executions are in flight, and the long runners
/// parked until there are none.
pub struct Scheduler {
    short: AtomicUsize,
    /// How many long runners may be on a thread at once ([`Scheduler::new`]).
    turns: usize,
    /// How many are: they take turns, a slice each.
    long_on_threads: AtomicUsize,
    /// The parked long runners, in the order they parked.
    parked: Mutex<VecDeque<Parked>>,
}

/// A parked long runner: what wakes it, when its deadline passes, and the CPU time it
/// has used.
struct Parked {
    waker: Waker,
    deadline: Instant,
    used: Duration,
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::new(1)
    }
}

impl Scheduler {
    /// A scheduler that lets `turns` long runners (at least one) be on a thread at once.
    pub fn new(turns: usize) -> Self {
        Scheduler {
            short: AtomicUsize::new(0),
            turns: turns.max(1),
            long_on_threads: AtomicUsize::new(0),
            parked: Mutex::new(VecDeque::new()),
        }
    }

    /// The turns for a machine of `threads` hardware threads: half of them, at least one,
    /// so long runners leave the other half to arriving executions.
    pub fn turns_for(threads: usize) -> usize {
        (threads / 2).max(1)
    }

    /// A ticket for an execution starting now, whose deadline is `deadline`: short until
    /// marked long.
    pub fn ticket(self: &Arc<Self>, deadline: Instant) -> Ticket {
        self.short.fetch_add(1, Ordering::SeqCst);
        let runner = LongRunner {
            scheduler: self.clone(),
            long: Arc::new(AtomicBool::new(false)),
            sliced: Arc::new(AtomicBool::new(false)),
        };
        Ticket { runner, deadline }
    }

    /// Wakes the parked long runners whose deadline has passed (they then trap at once),
    /// and, when no short execution is in flight, the next ones for the turns free (a
    /// turn's wake may have gone to a runner that had already ended). Called by the
    /// ticker every [`RECHECK`].
    pub fn recheck(&self) {
        let now = Instant::now();
        let due: Vec<Waker> = {
            let mut parked = self.parked.lock().unwrap_or_else(|p| p.into_inner());
            let mut due = Vec::new();
            parked.retain(|runner| {
                let is_due = runner.deadline <= now;
                if is_due {
                    due.push(runner.waker.clone());
                }
                !is_due
            });
            due
        };
        due.into_iter().for_each(Waker::wake);
        if self.short.load(Ordering::SeqCst) == 0 {
            let free = self.turns.saturating_sub(self.long_on_threads.load(Ordering::SeqCst));
            (0..free).for_each(|_| self.wake_next());
        }
    }

    /// Wakes the next long runner to take a turn: the one that has used the least CPU
    /// time, of those the one parked longest. A short execution taken for a long runner
    /// (it used a little more than [`LONG_RUN_CPU`]) thus goes before the hostile loops
    /// that used hundreds of milliseconds, and a runner that just turned long gets its
    /// slices before those that ran longer.
    fn wake_next(&self) {
        let next = {
            let mut parked = self.parked.lock().unwrap_or_else(|p| p.into_inner());
            let least = parked.iter().enumerate().min_by_key(|(_, runner)| runner.used).map(|(at, _)| at);
            least.and_then(|at| parked.remove(at))
        };
        if let Some(runner) = next {
            runner.waker.wake();
        }
    }

    fn short_left(&self) {
        if self.short.fetch_sub(1, Ordering::SeqCst) == 1 {
            for _ in 0..self.turns {
                self.wake_next();
            }
        }
    }

    /// Parks a long runner that has `used` so much CPU time until it is woken to look
    /// again: its turn came, or its `deadline` passed.
    fn park(&self, waker: &Waker, deadline: Instant, used: Duration) {
        let runner = Parked { waker: waker.clone(), deadline, used };
        self.parked.lock().unwrap_or_else(|p| p.into_inner()).push_back(runner);
        // The last short execution may have left, or the turn been given back, between
        // the check and the push: then nothing would wake one until the next recheck.
        if self.short.load(Ordering::SeqCst) == 0 && self.long_on_threads.load(Ordering::SeqCst) < self.turns {
            self.wake_next();
        }
    }

    /// A turn on a thread for a long runner: none while a short execution is in flight
    /// or while every turn is taken.
    fn turn(&self) -> Option<Turn<'_>> {
        if self.short.load(Ordering::SeqCst) > 0 {
            return None;
        }
        self.long_on_threads
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| (n < self.turns).then_some(n + 1))
            .ok()
            .map(|_| Turn(self))
    }

    /// A long runner's turn to clean up after itself (to drop its grown store: giving
    /// 64 MiB back to the system takes 6-7 ms here, in one system call): taken as a slice
    /// is, once no short execution is in flight and a turn is free, or `None` after
    /// `max_wait`. The caller drops the store on its own thread while holding it, so the
    /// work takes half the machine's threads at most, and none from a short execution
    /// that is in flight.
    pub async fn cleanup_turn(&self, max_wait: Duration) -> Option<Turn<'_>> {
        let until = Instant::now() + max_wait;
        poll_fn(|cx| match self.turn() {
            Some(turn) => Poll::Ready(Some(turn)),
            None if Instant::now() >= until => Poll::Ready(None),
            None => {
                // Nothing of the Action runs here: the cleanup goes first.
                self.park(cx.waker(), until, Duration::ZERO);
                Poll::Pending
            }
        })
        .await
    }

    /// Runs `call` (a guest call running an Action) under `ticket`, measuring its CPU
    /// time: past [`LONG_RUN_CPU`] it is a long runner. When `demote` is on, a long
    /// runner is parked at its yields while short executions are in flight or its turn
    /// has not come, until its deadline.
    pub async fn run<F: Future>(&self, ticket: &Ticket, demote: bool, call: F) -> F::Output {
        let mut call = pin!(call);
        let mut busy = Duration::ZERO;
        poll_fn(|cx| {
            // A long runner runs in turns; past its deadline it runs (and traps there).
            let _turn = if demote && ticket.runner.is_long() && Instant::now() < ticket.deadline {
                match self.turn() {
                    Some(turn) => Some(turn),
                    None => {
                        self.park(cx.waker(), ticket.deadline, busy);
                        return Poll::Pending;
                    }
                }
            } else {
                None
            };
            let on_cpu = ThreadCpu::now();
            let polled = call.as_mut().poll(cx);
            busy += on_cpu.elapsed();
            if busy > LONG_RUN_CPU {
                ticket.runner.mark();
            }
            polled
        })
        .await
    }
}

/// A long runner's turn on a thread, for one poll of its call or one cleanup: given back
/// when dropped (a panic in the call included), waking the next long runner.
pub struct Turn<'a>(&'a Scheduler);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.0.long_on_threads.fetch_sub(1, Ordering::SeqCst);
        self.0.wake_next();
    }
}

/// One execution's place in the scheduler.
pub struct Ticket {
    runner: LongRunner,
    deadline: Instant,
}

impl Ticket {
    /// What the execution's store holds to mark it long.
    pub fn long_runner(&self) -> LongRunner {
        self.runner.clone()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.runner.mark();
    }
}

/// What a store holds to mark its execution as a long runner.
#[derive(Clone)]
pub struct LongRunner {
    scheduler: Arc<Scheduler>,
    long: Arc<AtomicBool>,
    /// Whether its slices were shortened to [`LONG_RUNNER_YIELD_FUEL`].
    sliced: Arc<AtomicBool>,
}

impl LongRunner {
    /// After the memory grew to `grown` bytes more than the instance started with: marks
    /// the execution long past [`LONG_RUN_GROWTH`], and a long runner yields once, so
    /// that [`Scheduler::run`] may park it before it touches the new pages.
    pub async fn grew(&self, grown: usize) {
        if grown > LONG_RUN_GROWTH {
            self.mark();
        }
        if self.is_long() {
            yield_once().await;
        }
    }

    /// Marks the execution long (once): it no longer counts as short.
    pub fn mark(&self) {
        if !self.long.swap(true, Ordering::SeqCst) {
            self.scheduler.short_left();
        }
    }

    fn is_long(&self) -> bool {
        self.long.load(Ordering::SeqCst)
    }

    /// Whether the execution's slices are to be shortened to [`LONG_RUNNER_YIELD_FUEL`]
    /// now: true once, after it turned long.
    pub fn shorten_slices(&self) -> bool {
        self.is_long() && !self.sliced.swap(true, Ordering::SeqCst)
    }
}

/// Returns to the executor once, asking to be polled again at once: the scheduler's
/// `run` decides then. (`tokio::task::yield_now` would instead wait for the runtime's next
/// driver poll, a different schedule from the one measured.)
async fn yield_once() {
    let mut yielded = false;
    poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await
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
        assert_eq!(wakes.0.load(Ordering::SeqCst), woken, "a recheck leaves it parked: its deadline is ahead");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 0, "polled anyway, it parks again");
        let woken = wakes.0.load(Ordering::SeqCst);
        drop(short);
        assert!(wakes.0.load(Ordering::SeqCst) > woken, "the last short one leaving wakes the parked");
        for expected in 1..4 {
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(polls.load(Ordering::SeqCst), expected, "no short one in flight: it runs freely");
        }
    }

    #[test]
    fn long_runners_take_turns_the_one_parked_longest_next() {
        let scheduler = Arc::new(Scheduler::new(1));
        let tickets: Vec<Ticket> = (0..3).map(|_| scheduler.ticket(later())).collect();
        tickets.iter().for_each(|t| t.long_runner().mark());
        let polls: Vec<AtomicUsize> = (0..3).map(|_| AtomicUsize::new(0)).collect();
        let wakes: Vec<Arc<Counting>> = (0..3).map(|_| Arc::new(Counting::default())).collect();
        let wakers: Vec<Waker> = wakes.iter().map(|w| Waker::from(w.clone())).collect();
        // The first runner's call parks the two others while it is on a thread: its poll
        // polls them.
        let mut second = pin!(scheduler.run(&tickets[1], true, yielding(&polls[1])));
        let mut third = pin!(scheduler.run(&tickets[2], true, yielding(&polls[2])));
        let mut cx1 = Context::from_waker(&wakers[1]);
        let mut cx2 = Context::from_waker(&wakers[2]);
        {
            let nested = poll_fn(|cx| {
                polls[0].fetch_add(1, Ordering::SeqCst);
                assert!(second.as_mut().poll(&mut cx1).is_pending());
                assert!(third.as_mut().poll(&mut cx2).is_pending());
                cx.waker().wake_by_ref();
                Poll::<()>::Pending
            });
            let mut first = pin!(scheduler.run(&tickets[0], true, nested));
            assert!(first.as_mut().poll(&mut Context::from_waker(&wakers[0])).is_pending());
        }
        assert_eq!(polls[0].load(Ordering::SeqCst), 1);
        assert_eq!(
            (polls[1].load(Ordering::SeqCst), polls[2].load(Ordering::SeqCst)),
            (0, 0),
            "parked: not their turn"
        );
        assert_eq!(wakes[1].0.load(Ordering::SeqCst), 1, "the turn given back wakes the one parked longest");
        assert_eq!(wakes[2].0.load(Ordering::SeqCst), 0, "and only it");
        assert!(second.as_mut().poll(&mut cx1).is_pending());
        assert_eq!(polls[1].load(Ordering::SeqCst), 1, "its turn came");
        assert_eq!(wakes[2].0.load(Ordering::SeqCst), 1, "then the next one's");
    }

    #[test]
    fn a_recheck_wakes_the_parked_runners_past_their_deadline_only() {
        let scheduler = Arc::new(Scheduler::default());
        let soon = scheduler.ticket(Instant::now() + Duration::from_millis(20));
        let later_one = scheduler.ticket(later());
        soon.long_runner().mark();
        later_one.long_runner().mark();
        let _short = scheduler.ticket(later());
        let polls = AtomicUsize::new(0);
        let wakes: Vec<Arc<Counting>> = (0..2).map(|_| Arc::new(Counting::default())).collect();
        let wakers: Vec<Waker> = wakes.iter().map(|w| Waker::from(w.clone())).collect();
        let mut first = pin!(scheduler.run(&soon, true, yielding(&polls)));
        let mut second = pin!(scheduler.run(&later_one, true, yielding(&polls)));
        assert!(first.as_mut().poll(&mut Context::from_waker(&wakers[0])).is_pending());
        assert!(second.as_mut().poll(&mut Context::from_waker(&wakers[1])).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 0, "both parked");
        std::thread::sleep(Duration::from_millis(30));
        scheduler.recheck();
        assert_eq!(wakes[0].0.load(Ordering::SeqCst), 1, "the one past its deadline is woken");
        assert_eq!(wakes[1].0.load(Ordering::SeqCst), 0, "the other is not");
        assert!(first.as_mut().poll(&mut Context::from_waker(&wakers[0])).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 1, "and runs, to trap at its deadline");
    }

    #[test]
    fn a_recheck_gives_a_free_turn_when_no_short_execution_is_in_flight() {
        let scheduler = Arc::new(Scheduler::new(1));
        let long = scheduler.ticket(later());
        long.long_runner().mark();
        let short = scheduler.ticket(later());
        let polls = AtomicUsize::new(0);
        let wakes = Arc::new(Counting::default());
        let waker = Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        let mut run = pin!(scheduler.run(&long, true, yielding(&polls)));
        assert!(run.as_mut().poll(&mut cx).is_pending());
        // The short one leaves, and the turn's wake goes to a runner that had ended.
        let (gone_wakes, gone) = (Arc::new(Counting::default()), later());
        let ended = Parked { waker: Waker::from(gone_wakes.clone()), deadline: gone, used: Duration::ZERO };
        scheduler.parked.lock().unwrap().push_front(ended);
        drop(short);
        assert_eq!(gone_wakes.0.load(Ordering::SeqCst), 1);
        assert_eq!(wakes.0.load(Ordering::SeqCst), 0, "the wake went to the ended one");
        scheduler.recheck();
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "the recheck gives the free turn to the parked one");
        assert!(run.as_mut().poll(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 1);
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
    fn growth_past_the_threshold_makes_a_long_runner_that_yields_at_each_growth() {
        let scheduler = Arc::new(Scheduler::default());
        let ticket = scheduler.ticket(later());
        let runner = ticket.long_runner();
        let waker = std::task::Waker::from(Arc::new(Counting::default()));
        let mut cx = Context::from_waker(&waker);
        assert!(pin!(runner.grew(LONG_RUN_GROWTH)).poll(&mut cx).is_ready(), "a short one grows on");
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 1);
        for _ in 0..2 {
            let mut grew = pin!(runner.grew(LONG_RUN_GROWTH + 1));
            assert!(grew.as_mut().poll(&mut cx).is_pending(), "a long one yields");
            assert!(grew.as_mut().poll(&mut cx).is_ready(), "once");
        }
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0, "long by growth, counted once");
        drop(ticket);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_call_turns_long_after_its_time_on_a_thread_and_counts_once() {
        let scheduler = Arc::new(Scheduler::default());
        let ticket = scheduler.ticket(later());
        let _other = scheduler.ticket(later());
        let waker = std::task::Waker::from(Arc::new(Counting::default()));
        let mut cx = Context::from_waker(&waker);
        // The first poll returns at once; the second keeps the CPU past the threshold.
        let polls = AtomicUsize::new(0);
        let busy = poll_fn(|cx| {
            if polls.fetch_add(1, Ordering::SeqCst) == 1 {
                spin_on_the_cpu(LONG_RUN_CPU + Duration::from_micros(200));
            }
            cx.waker().wake_by_ref();
            Poll::<()>::Pending
        });
        {
            let mut run = pin!(scheduler.run(&ticket, true, busy));
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(scheduler.short.load(Ordering::SeqCst), 2, "a quick slice: still short");
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(scheduler.short.load(Ordering::SeqCst), 1, "past the threshold it is long");
            assert!(run.as_mut().poll(&mut cx).is_pending());
            assert_eq!(polls.load(Ordering::SeqCst), 2, "and parked: the other one is short");
        }
        ticket.long_runner().mark();
        drop(ticket);
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 1, "counted once");
    }

    #[test]
    fn time_off_the_cpu_does_not_make_a_long_runner() {
        let scheduler = Arc::new(Scheduler::default());
        let ticket = scheduler.ticket(later());
        let waker = std::task::Waker::from(Arc::new(Counting::default()));
        let mut cx = Context::from_waker(&waker);
        // A poll during which the thread waits (as when the kernel or another thread
        // holds it up) five times the threshold, using hardly any CPU.
        let asleep = poll_fn(|cx| {
            std::thread::sleep(LONG_RUN_CPU * 5);
            cx.waker().wake_by_ref();
            Poll::<()>::Pending
        });
        let mut run = pin!(scheduler.run(&ticket, true, asleep));
        for _ in 0..2 {
            assert!(run.as_mut().poll(&mut cx).is_pending());
        }
        assert_eq!(scheduler.short.load(Ordering::SeqCst), 1, "still short");
    }

    /// Keeps the calling thread on its CPU for `cpu` of CPU time.
    fn spin_on_the_cpu(cpu: Duration) {
        let started = ThreadCpu::now();
        while started.elapsed() < cpu {
            std::hint::spin_loop();
        }
    }

    #[test]
    fn a_cleanup_waits_for_a_turn_while_a_short_execution_is_in_flight() {
        let scheduler = Arc::new(Scheduler::new(1));
        let short = scheduler.ticket(later());
        let wakes = Arc::new(Counting::default());
        let waker = Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        let mut cleanup = pin!(scheduler.cleanup_turn(Duration::from_secs(60)));
        assert!(cleanup.as_mut().poll(&mut cx).is_pending(), "a short one is in flight");
        drop(short);
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "the short one leaving wakes it");
        let Poll::Ready(Some(turn)) = cleanup.as_mut().poll(&mut cx) else { panic!("no turn") };
        assert_eq!(scheduler.long_on_threads.load(Ordering::SeqCst), 1, "it holds a turn");
        drop(turn);
        assert_eq!(scheduler.long_on_threads.load(Ordering::SeqCst), 0, "given back");
    }

    #[test]
    fn a_cleanup_goes_ahead_without_a_turn_after_its_longest_wait() {
        let scheduler = Arc::new(Scheduler::new(1));
        let _short = scheduler.ticket(later());
        let wakes = Arc::new(Counting::default());
        let waker = Waker::from(wakes.clone());
        let mut cx = Context::from_waker(&waker);
        let mut cleanup = pin!(scheduler.cleanup_turn(Duration::from_millis(20)));
        assert!(cleanup.as_mut().poll(&mut cx).is_pending());
        std::thread::sleep(Duration::from_millis(30));
        scheduler.recheck();
        assert_eq!(wakes.0.load(Ordering::SeqCst), 1, "the recheck wakes it once its wait is over");
        assert!(matches!(cleanup.as_mut().poll(&mut cx), Poll::Ready(None)), "and it goes ahead without a turn");
    }

    #[test]
    fn the_next_turn_goes_to_the_runner_that_used_the_least_cpu_time() {
        let scheduler = Arc::new(Scheduler::new(1));
        // A short one in flight: parking wakes no one by itself.
        let _short = scheduler.ticket(later());
        let wakes: Vec<Arc<Counting>> = (0..3).map(|_| Arc::new(Counting::default())).collect();
        let wakers: Vec<Waker> = wakes.iter().map(|w| Waker::from(w.clone())).collect();
        let ms = Duration::from_millis;
        scheduler.park(&wakers[0], later(), ms(300));
        scheduler.park(&wakers[1], later(), ms(2));
        scheduler.park(&wakers[2], later(), ms(2));
        let woken = || wakes.iter().map(|w| w.0.load(Ordering::SeqCst)).collect::<Vec<_>>();
        scheduler.wake_next();
        assert_eq!(woken(), [0, 1, 0], "the least CPU time; of equals, the one parked longest");
        scheduler.wake_next();
        assert_eq!(woken(), [0, 1, 1]);
        scheduler.wake_next();
        assert_eq!(woken(), [1, 1, 1], "the one that used the most, last");
    }

    #[test]
    fn a_long_runner_has_its_slices_shortened_once() {
        let scheduler = Arc::new(Scheduler::default());
        let ticket = scheduler.ticket(later());
        let runner = ticket.long_runner();
        assert!(!runner.shorten_slices(), "not while short");
        runner.mark();
        assert!(runner.shorten_slices(), "once long");
        assert!(!runner.shorten_slices(), "and only once");
        let next = scheduler.ticket(later()).long_runner();
        next.mark();
        assert!(next.shorten_slices(), "the next execution's ticket starts anew");
    }
}
