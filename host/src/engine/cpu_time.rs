//! The CPU time a thread used: what the scheduler (`schedule.rs`) charges an execution
//! for each poll of its guest call. Wall time around a poll would also count the time the
//! thread was off its CPU (preempted, or waiting on the kernel while another thread
//! changes the process's memory map), and a short execution polled at such a moment would
//! be taken for a long runner and parked behind the hostile ones.

use std::time::{Duration, Instant};

/// A point on the calling thread's CPU clock (user and system time). Where the system
/// has no such clock, it is the wall clock.
#[derive(Debug, Clone, Copy)]
pub(super) struct ThreadCpu(Point);

#[derive(Debug, Clone, Copy)]
enum Point {
    Cpu(Duration),
    Wall(Instant),
}

impl ThreadCpu {
    /// The calling thread's CPU clock now.
    pub(super) fn now() -> Self {
        ThreadCpu(thread_cpu().map_or_else(|| Point::Wall(Instant::now()), Point::Cpu))
    }

    /// The CPU time the calling thread used since `self` was read, on the same thread.
    pub(super) fn elapsed(self) -> Duration {
        match self.0 {
            Point::Cpu(then) => thread_cpu().map_or(Duration::ZERO, |now| now.saturating_sub(then)),
            Point::Wall(then) => then.elapsed(),
        }
    }
}

#[cfg(unix)]
fn thread_cpu() -> Option<Duration> {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec; the clock id is a constant the system
    // defines.
    let read = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    (read == 0).then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeping_uses_no_cpu_time_and_spinning_does() {
        let asleep = ThreadCpu::now();
        std::thread::sleep(Duration::from_millis(30));
        let slept = asleep.elapsed();
        let spinning = ThreadCpu::now();
        let until = Instant::now() + Duration::from_millis(30);
        while Instant::now() < until {
            std::hint::spin_loop();
        }
        let spun = spinning.elapsed();
        assert!(slept < Duration::from_millis(10), "30 ms asleep counted {slept:?}");
        assert!(spun > slept, "30 ms of spinning counted {spun:?}, sleeping {slept:?}");
    }
}
