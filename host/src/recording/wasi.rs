//! The clocks and the random source of a recording or replaying execution's WASI context:
//! each reading is written to the tape, or read from it (the real source answers once the
//! tape has none left, and the replay is marked as diverged).

use std::convert::Infallible;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use wasmtime_wasi::{HostMonotonicClock, HostWallClock};

use super::Tape;

/// The three sources, for `WasiCtxBuilder`.
pub struct Sources {
    pub wall: WallClock,
    pub monotonic: MonotonicClock,
    pub random: Random,
}

impl Sources {
    pub fn new(tape: &Tape) -> Self {
        Sources {
            wall: WallClock(tape.clone()),
            monotonic: MonotonicClock { tape: tape.clone(), origin: std::time::Instant::now() },
            random: Random(tape.clone()),
        }
    }
}

pub struct WallClock(Tape);

impl HostWallClock for WallClock {
    fn resolution(&self) -> Duration {
        Duration::from_nanos(1)
    }

    fn now(&self) -> Duration {
        let real = || SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
        let nanos = self.0.with(|state| {
            if state.replaying {
                state.wall.pop_front().or_else(|| {
                    state.recording.diverged = true;
                    None
                })
            } else {
                let now = u64::try_from(real().as_nanos()).unwrap_or(u64::MAX);
                state.recording.wall_clock_ns.push(now);
                Some(now)
            }
        });
        nanos.map_or_else(real, Duration::from_nanos)
    }
}

pub struct MonotonicClock {
    tape: Tape,
    origin: std::time::Instant,
}

impl HostMonotonicClock for MonotonicClock {
    fn resolution(&self) -> u64 {
        1
    }

    fn now(&self) -> u64 {
        let real = u64::try_from(self.origin.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.tape.with(|state| {
            if state.replaying {
                state.monotonic.pop_front().unwrap_or_else(|| {
                    state.recording.diverged = true;
                    real
                })
            } else {
                state.recording.monotonic_ns.push(real);
                real
            }
        })
    }
}

pub struct Random(Tape);

impl rand_core::TryRng for Random {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        self.0.with(|state| {
            if state.replaying
                && let Some(recorded) = state.random.pop_front()
                && recorded.len() == dst.len()
            {
                dst.copy_from_slice(&recorded);
                return;
            }
            if state.replaying {
                state.recording.diverged = true;
            }
            if getrandom::fill(dst).is_err() {
                dst.fill(0);
            }
            if !state.replaying {
                state.recording.random.push(STANDARD.encode(&*dst));
            }
        });
        Ok(())
    }
}
