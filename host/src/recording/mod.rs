//! Recording an execution's outside world, and replaying it: every request and its
//! response, the order in which the event loop's waits saw requests complete, and every
//! reading of the clocks and of the random number source. An execution replayed against
//! its [`Recording`] gets the same responses, completions, times and random numbers, so
//! it takes the same path: a failing login can be reproduced offline.
//!
//! A recording holds no secret the execution was given: the request's URL, headers and
//! body go through the execution's redactor, and `Authorization`, `Cookie` and
//! `Proxy-Authorization` values are dropped. Replayed requests are matched in the order
//! they start, by method and redacted URL; one that does not match fails with
//! `ERR_ACTIONBOX_NOT_RECORDED`. Reads of the clocks or random numbers past the recorded
//! ones (a replay that took another path) continue from the real sources, and the
//! Outcome's recording says so (`diverged`).
//!
//! `wasi.rs` holds the clocks and the random source that read from or write to the tape.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use actionbox_contract::fetch::FetchFailure;

mod wasi;

pub use wasi::Sources;

/// The format's version.
const VERSION: u32 = 1;

/// What one execution saw of the outside world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    pub version: u32,
    /// The requests, in the order they started.
    pub requests: Vec<RecordedRequest>,
    /// What each of the event loop's waits returned: the ids of the requests that had
    /// completed (empty when a timer was due).
    pub waits: Vec<Vec<u32>>,
    /// Readings of the wall clock, nanoseconds since 1970.
    pub wall_clock_ns: Vec<u64>,
    /// Readings of the monotonic clock, nanoseconds.
    pub monotonic_ns: Vec<u64>,
    /// Random bytes handed out, base64, one entry per request for them.
    pub random: Vec<String>,
    /// On a replay: whether it read more than was recorded (it took another path).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub diverged: bool,
}

/// One request and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedRequest {
    pub method: String,
    /// Redacted.
    pub url: String,
    /// Redacted; credentials dropped.
    pub headers: Vec<(String, String)>,
    /// Base64, redacted when it was text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub result: RecordedResult,
}

/// A recorded response, or a failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RecordedResult {
    Response {
        status: u16,
        status_text: String,
        url: String,
        redirected: bool,
        headers: Vec<(String, String)>,
        /// Base64.
        body: String,
    },
    Failure(FetchFailure),
}

/// A recording file that cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordingError {
    #[error("not a recording: {0}")]
    Syntax(String),
    #[error("a recording of version {0}; this actionbox replays version {VERSION}")]
    Version(u32),
}

impl Recording {
    /// Reads a recording's JSON.
    pub fn from_json(text: &[u8]) -> Result<Self, RecordingError> {
        let recording: Recording = serde_json::from_slice(text).map_err(|e| RecordingError::Syntax(e.to_string()))?;
        if recording.version != VERSION {
            return Err(RecordingError::Version(recording.version));
        }
        Ok(recording)
    }
}

/// Whether an execution records, replays, or neither.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TapeMode {
    #[default]
    Off,
    Record,
    Replay(Arc<Recording>),
}

/// The shared tape of one execution: the clocks and random source (in the store's WASI
/// context) and the requests (`fetch/`) write to it or read from it.
#[derive(Clone)]
pub struct Tape {
    inner: Arc<Mutex<TapeState>>,
}

struct TapeState {
    recording: Recording,
    replaying: bool,
    /// On replay: what is left to read.
    requests: VecDeque<RecordedRequest>,
    waits: VecDeque<Vec<u32>>,
    wall: VecDeque<u64>,
    monotonic: VecDeque<u64>,
    random: VecDeque<Vec<u8>>,
}

impl Tape {
    /// A tape for `mode`, or `None` when it is off.
    pub fn new(mode: &TapeMode) -> Option<Self> {
        let state = match mode {
            TapeMode::Off => return None,
            TapeMode::Record => TapeState {
                recording: Recording { version: VERSION, ..Recording::default() },
                replaying: false,
                requests: VecDeque::new(),
                waits: VecDeque::new(),
                wall: VecDeque::new(),
                monotonic: VecDeque::new(),
                random: VecDeque::new(),
            },
            TapeMode::Replay(recording) => TapeState {
                recording: Recording { version: VERSION, ..Recording::default() },
                replaying: true,
                requests: recording.requests.iter().cloned().collect(),
                waits: recording.waits.iter().cloned().collect(),
                wall: recording.wall_clock_ns.iter().copied().collect(),
                monotonic: recording.monotonic_ns.iter().copied().collect(),
                random: recording.random.iter().filter_map(|chunk| STANDARD.decode(chunk).ok()).collect(),
            },
        };
        Some(Tape { inner: Arc::new(Mutex::new(state)) })
    }

    fn with<R>(&self, f: impl FnOnce(&mut TapeState) -> R) -> R {
        f(&mut self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Whether this tape replays.
    pub fn replaying(&self) -> bool {
        self.with(|state| state.replaying)
    }

    /// On replay, the recorded result of the next request, if it is `method url`
    /// (redacted) as recorded.
    pub fn replay_request(&self, method: &str, url: &str) -> Result<RecordedResult, FetchFailure> {
        self.with(|state| match state.requests.front() {
            Some(next) if next.method == method && next.url == url => {
                Ok(state.requests.pop_front().expect("checked above").result)
            }
            _ => {
                state.recording.diverged = true;
                Err(FetchFailure::NotRecorded(format!("{method} {url}")))
            }
        })
    }

    /// Records a request as it starts (its result comes with [`Tape::record_result`]).
    pub fn record_start(&self, request: RecordedRequest) {
        self.with(|state| state.recording.requests.push(request));
    }

    /// Records the result of the `index`th request (from 0).
    pub fn record_result(&self, index: usize, result: RecordedResult) {
        self.with(|state| {
            if let Some(request) = state.recording.requests.get_mut(index) {
                request.result = result;
            }
        });
    }

    /// On replay, what the next wait returns; `None` past the recorded waits.
    pub fn replay_wait(&self) -> Option<Vec<u32>> {
        self.with(|state| {
            let next = state.waits.pop_front();
            if next.is_none() {
                state.recording.diverged = true;
            }
            next
        })
    }

    /// Records what a wait returned.
    pub fn record_wait(&self, completed: &[u32]) {
        self.with(|state| {
            if !state.replaying {
                state.recording.waits.push(completed.to_vec());
            }
        });
    }

    /// The recording made (or, on replay, whether it diverged).
    pub fn finish(&self) -> Recording {
        self.with(|state| std::mem::take(&mut state.recording))
    }
}

/// Bytes as the recording keeps them.
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Bytes a recording keeps; invalid base64 reads as nothing.
pub fn decode(text: &str) -> Vec<u8> {
    STANDARD.decode(text).unwrap_or_default()
}
