//! `fetch`, the host half (the guest's is `guest/src/fetch/`): an execution's requests,
//! checked against its [`EgressPolicy`] and performed by the host's HTTP client.
//!
//! `start` checks a request and makes it a future of the execution's, polled once at
//! once so the request is on its way while the guest runs on; it never blocks the guest.
//! The event loop's `wait` (`timers/`) drives those futures in the execution's own task,
//! so a completion resumes the guest without a hand-over between tasks or threads; `wait`
//! hands the guest the ids that completed, and the guest then `take`s each result once.
//! (The client's connections are tasks of the runtime: they keep reading while the guest
//! runs.) At most [`MAX_CONCURRENT_REQUESTS`](limits::MAX_CONCURRENT_REQUESTS) run at
//! once; the rest wait for a slot. A request stops at its timeout, and never outlives the execution:
//! dropping the execution's [`Requests`] drops whatever still runs.
//!
//! One concern per file: `policy.rs` (what may be reached), `address.rs` (which
//! addresses), `resolve.rs` (names resolved to checked addresses only), `client.rs` (the
//! engine's clients), `send.rs` (one request, its redirects and caps), `mock.rs`
//! (responses from rules instead of the network).

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use futures_util::future::{AbortHandle, Abortable};
use futures_util::stream::{FuturesUnordered, StreamExt};
use tokio::sync::Semaphore;

use crate::bindings::actionbox_sandbox::contract::fetch::{self as wit, Host, Request, Response};
use crate::limits;
use crate::recording::{self, RecordedResult, Tape};
use crate::redact::Redactor;
use crate::state::HostState;
use actionbox_contract::fetch::FetchFailure;

mod address;
mod client;
mod mock;
mod policy;
mod resolve;
mod send;

pub use client::Clients;
pub use mock::{MockError, Mocks};
pub use policy::{EgressPolicy, PolicyError};
#[cfg(feature = "testing")]
pub(crate) use {address::allowed as address_allowed, policy::Refused};

/// What the Outcome says of one request: never its path, query, headers or bodies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RequestRecord {
    pub method: String,
    /// The first URL's host, with its port when not the scheme's default.
    pub host: String,
    /// The final response's status, when one came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The failure's code (`ERR_ACTIONBOX_NETWORK`, ...), when it failed; `ERR_ACTIONBOX_ABORTED`
    /// when the Action aborted it, `ERR_ACTIONBOX_UNFINISHED` when it was still running as
    /// the handler settled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    #[serde(skip_serializing_if = "is_zero")]
    pub redirects: u32,
    /// From `fetch()` to the response's last byte (or the failure).
    pub duration_us: u64,
    /// The response body's bytes (decoded).
    pub bytes: u64,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A request that finished, as its future reports it.
struct Completion {
    id: u32,
    result: Result<Response, FetchFailure>,
    record: RequestRecord,
}

/// A request still running.
struct Running {
    abort: AbortHandle,
    method: String,
    host: String,
    started: Instant,
}

/// One execution's requests. Nothing is allocated until the first request starts, so an
/// execution that never fetches pays for none of it.
#[derive(Default)]
pub struct Requests {
    /// `None` while an Action is compiled: no request may start.
    network: Option<Network>,
    active: Option<Box<Active>>,
    /// When recording or replaying, the execution's tape (`recording/`).
    tape: Option<Tape>,
}

/// One request in flight: cancelling it drops it at the next poll.
type Flight = Abortable<Pin<Box<dyn Future<Output = Completion> + Send>>>;

/// What an execution that has started a request keeps.
struct Active {
    started: usize,
    running: HashMap<u32, Running>,
    flights: FuturesUnordered<Flight>,
    /// Requests that finished outside a wait, for the next wait to hand out.
    done: Vec<u32>,
    ready: HashMap<u32, Result<Response, FetchFailure>>,
    /// On replay: results read from the recording, handed out as its waits say.
    replayed: BTreeMap<u32, (RequestRecord, Result<Response, FetchFailure>)>,
    slots: Arc<Semaphore>,
    records: Vec<RequestRecord>,
}

impl Active {
    fn new() -> Box<Self> {
        Box::new(Active {
            started: 0,
            running: HashMap::new(),
            flights: FuturesUnordered::new(),
            done: Vec::new(),
            ready: HashMap::new(),
            replayed: BTreeMap::new(),
            slots: Arc::new(Semaphore::new(limits::MAX_CONCURRENT_REQUESTS)),
            records: Vec::new(),
        })
    }

    /// Polls the flights once, outside a wait, so that a request just started is sent
    /// while the guest runs on (the next wait polls them again, with the execution's
    /// waker). What finished already is handed out by that wait.
    fn poll_now(&mut self) {
        let mut done = std::mem::take(&mut self.done);
        self.poll_flights(&mut Context::from_waker(Waker::noop()), &mut done);
        self.done = done;
    }

    /// Polls the flights with `cx`: what finished is made ready, its id added to `ids`.
    fn poll_flights(&mut self, cx: &mut Context<'_>, ids: &mut Vec<u32>) {
        while let Poll::Ready(Some(finished)) = self.flights.poll_next_unpin(cx) {
            if let Ok(completion) = finished {
                let id = completion.id;
                if self.accept(completion) {
                    ids.push(id);
                }
            }
        }
    }

    /// A finished request's result made ready to `take`; `false` when it was cancelled.
    fn accept(&mut self, completion: Completion) -> bool {
        if self.running.remove(&completion.id).is_none() {
            return false;
        }
        self.records.push(completion.record);
        self.ready.insert(completion.id, completion.result);
        true
    }
}

/// What an execution's requests are made with.
#[derive(Clone)]
struct Network {
    policy: Arc<EgressPolicy>,
    clients: Arc<Clients>,
    /// When given, what answers every request instead of the network.
    mocks: Option<Arc<Mocks>>,
}

impl Requests {
    /// No requests at all: for compiling, where the Action's top level runs once.
    pub fn disabled() -> Self {
        Requests::default()
    }

    /// Requests under `policy`, made with the engine's `clients`, or answered by `mocks`;
    /// recorded to or replayed from `tape` when one is given.
    pub fn new(
        policy: Arc<EgressPolicy>,
        clients: Arc<Clients>,
        mocks: Option<Arc<Mocks>>,
        tape: Option<Tape>,
    ) -> Self {
        Requests { network: Some(Network { policy, clients, mocks }), active: None, tape }
    }

    /// Whether a request is running or waits to be handed out.
    pub fn in_flight(&self) -> bool {
        self.active
            .as_ref()
            .is_some_and(|active| !active.running.is_empty() || !active.replayed.is_empty() || !active.done.is_empty())
    }

    /// Starts `request` unless the policy or a cap refuses it; `deadline` is the
    /// execution's, which no request outlives. `redactor` keeps the execution's secrets
    /// out of a recording.
    fn start(&mut self, request: Request, deadline: Instant, redactor: &Redactor) -> Result<u32, FetchFailure> {
        let network = self.network.clone().ok_or(FetchFailure::NotAtCompileTime)?;
        let active = self.active.get_or_insert_with(Active::new);
        if active.started >= limits::MAX_REQUESTS {
            return Err(FetchFailure::TooManyRequests(limits::MAX_REQUESTS as u32));
        }
        let prepared = send::prepare(&network.policy, request)?;
        let tape = self.tape.clone();
        let redacted_url = tape.as_ref().map(|_| redactor.redact(prepared.url.to_string()));
        if let (Some(tape), Some(url)) = (&tape, &redacted_url)
            && tape.replaying()
        {
            let method = prepared.method.to_string();
            let result = from_recorded(tape.replay_request(&method, url)?);
            active.started += 1;
            let id = active.started as u32;
            let record = RequestRecord {
                method,
                host: host_of(&prepared.url),
                status: result.as_ref().ok().map(|response| response.status),
                failure: result.as_ref().err().map(|failure| failure.code().to_owned()),
                redirects: 0,
                duration_us: 0,
                bytes: result.as_ref().map_or(0, |response| response.body.len() as u64),
            };
            active.replayed.insert(id, (record, result));
            return Ok(id);
        }
        let recording = match (&tape, redacted_url) {
            (Some(tape), Some(url)) => {
                tape.record_start(prepared.recorded(url, redactor));
                Some((tape.clone(), active.started, redactor.clone()))
            }
            _ => None,
        };
        // The client's connections are tasks of the runtime the execution runs on.
        tokio::runtime::Handle::try_current().map_err(|_| FetchFailure::Network)?;
        let via = match &network.mocks {
            Some(mocks) => send::Via::Mocks(mocks.clone()),
            None => send::Via::Network(network.clients.client(&network.policy.transport).ok_or(FetchFailure::Network)?),
        };
        active.started += 1;
        let id = active.started as u32;
        let method = prepared.method.to_string();
        let host = host_of(&prepared.url);
        let started = Instant::now();
        let timeout = network.policy.timeout().min(deadline.saturating_duration_since(started));
        let slots = active.slots.clone();
        let record = RequestRecord {
            method: method.clone(),
            host: host.clone(),
            status: None,
            failure: None,
            redirects: 0,
            duration_us: 0,
            bytes: 0,
        };
        let flight = async move {
            let mut progress = send::Progress::default();
            let result = match slots.acquire_owned().await {
                Ok(_slot) => {
                    let sent = send::perform(&via, &network.policy, prepared, &mut progress);
                    tokio::time::timeout(timeout, sent)
                        .await
                        .unwrap_or(Err(FetchFailure::Timeout(timeout.as_millis() as u64)))
                }
                Err(_) => Err(FetchFailure::Network),
            };
            if let Some((tape, index, redactor)) = &recording {
                tape.record_result(*index, to_recorded(&result, redactor));
            }
            let record = RequestRecord {
                status: progress.status,
                failure: result.as_ref().err().map(|failure| failure.code().to_owned()),
                redirects: progress.redirects,
                duration_us: micros(started.elapsed()),
                bytes: progress.bytes,
                ..record
            };
            Completion { id, result, record }
        };
        let (abort, registration) = AbortHandle::new_pair();
        let flight: Pin<Box<dyn Future<Output = Completion> + Send>> = Box::pin(flight);
        active.flights.push(Abortable::new(flight, registration));
        active.running.insert(id, Running { abort, method, host, started });
        active.poll_now();
        Ok(id)
    }

    /// Stops a request; it never completes.
    fn cancel(&mut self, id: u32) {
        let Some(active) = &mut self.active else { return };
        if let Some(running) = active.running.remove(&id) {
            running.abort.abort();
            active.records.push(unfinished(running, "ERR_ACTIONBOX_ABORTED"));
        }
        active.ready.remove(&id);
    }

    /// The result of a completed request, once.
    fn take(&mut self, id: u32) -> Option<Result<Response, FetchFailure>> {
        self.active.as_mut()?.ready.remove(&id)
    }

    /// On replay: the tape's next wait, at once: the ids it lists (all of those started,
    /// past the recorded waits), their results made ready. `None` when not replaying.
    pub fn replay_wait(&mut self) -> Option<Vec<u32>> {
        let tape = self.tape.as_ref().filter(|tape| tape.replaying())?;
        let recorded = tape.replay_wait();
        let Some(active) = &mut self.active else { return Some(recorded.unwrap_or_default()) };
        let ids = recorded.unwrap_or_else(|| active.replayed.keys().copied().collect());
        let mut handed = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some((record, result)) = active.replayed.remove(&id) {
                active.records.push(record);
                active.ready.insert(id, result);
                handed.push(id);
            }
        }
        Some(handed)
    }

    /// Records what a wait returned, when recording.
    pub fn record_wait(&self, completed: &[u32]) {
        if let Some(tape) = &self.tape {
            tape.record_wait(completed);
        }
    }

    /// The ids of the requests that have completed since the last call, waiting for the
    /// first when none has (forever, when none is running). The requests make progress
    /// here, in the execution's task.
    pub async fn completed(&mut self) -> Vec<u32> {
        let Some(active) = &mut self.active else {
            return std::future::pending().await;
        };
        let mut ids = std::mem::take(&mut active.done);
        std::future::poll_fn(|cx| {
            // Every flight that is ready now, then back to the guest with their ids.
            active.poll_flights(cx, &mut ids);
            if ids.is_empty() { Poll::Pending } else { Poll::Ready(()) }
        })
        .await;
        ids
    }

    /// Ends the execution's requests: what still runs is aborted and recorded as
    /// unfinished. Returns the records, in the order the requests finished, and how many
    /// were unfinished.
    pub fn finish(&mut self) -> (Vec<RequestRecord>, u32) {
        let Some(active) = &mut self.active else { return (Vec::new(), 0) };
        let mut running: Vec<(u32, Running)> = active.running.drain().collect();
        running.sort_by_key(|(id, _)| *id);
        let unfinished_count = (running.len() + active.replayed.len()) as u32;
        for (_, (mut record, _)) in std::mem::take(&mut active.replayed) {
            record.status = None;
            record.failure = Some("ERR_ACTIONBOX_UNFINISHED".into());
            active.records.push(record);
        }
        for (_, request) in running {
            active.records.push(unfinished(request, "ERR_ACTIONBOX_UNFINISHED"));
        }
        active.flights.clear();
        active.ready.clear();
        (std::mem::take(&mut active.records), unfinished_count)
    }
}

fn unfinished(running: Running, code: &str) -> RequestRecord {
    RequestRecord {
        method: running.method,
        host: running.host,
        status: None,
        failure: Some(code.to_owned()),
        redirects: 0,
        duration_us: micros(running.started.elapsed()),
        bytes: 0,
    }
}

fn micros(duration: Duration) -> u64 {
    u64::try_from(duration.as_micros()).unwrap_or(u64::MAX)
}

/// `host[:port]` of a URL, the port only when it is not the scheme's default.
fn host_of(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

impl Host for HostState {
    fn start(&mut self, request: Request) -> Result<u32, wit::Failure> {
        let deadline = self.deadline;
        self.requests.start(request, deadline, &self.redactor).map_err(to_wit)
    }

    fn cancel(&mut self, id: u32) {
        self.requests.cancel(id);
    }

    fn take(&mut self, id: u32) -> Option<Result<Response, wit::Failure>> {
        self.requests.take(id).map(|result| result.map_err(to_wit))
    }
}

fn to_wit(failure: FetchFailure) -> wit::Failure {
    match failure {
        FetchFailure::Network => wit::Failure::Network,
        FetchFailure::InvalidUrl(why) => wit::Failure::InvalidUrl(why),
        FetchFailure::SchemeNotAllowed(scheme) => wit::Failure::SchemeNotAllowed(scheme),
        FetchFailure::HostNotAllowed(host) => wit::Failure::HostNotAllowed(host),
        FetchFailure::PortNotAllowed(port) => wit::Failure::PortNotAllowed(port),
        FetchFailure::InvalidHeader(why) => wit::Failure::InvalidHeader(why),
        FetchFailure::InvalidMethod(method) => wit::Failure::InvalidMethod(method),
        FetchFailure::RequestBodyTooLarge(max) => wit::Failure::RequestBodyTooLarge(max),
        FetchFailure::TooManyRequests(max) => wit::Failure::TooManyRequests(max),
        FetchFailure::RedirectNotAllowed => wit::Failure::RedirectNotAllowed,
        FetchFailure::TooManyRedirects(max) => wit::Failure::TooManyRedirects(max),
        FetchFailure::Timeout(ms) => wit::Failure::Timeout(ms),
        FetchFailure::ResponseTooLarge(max) => wit::Failure::ResponseTooLarge(max),
        FetchFailure::HeadersTooLarge(max) => wit::Failure::HeadersTooLarge(max),
        FetchFailure::NotAtCompileTime => wit::Failure::NotAtCompileTime,
        FetchFailure::NotMocked(request) => wit::Failure::NotMocked(request),
        FetchFailure::NotRecorded(request) => wit::Failure::NotRecorded(request),
    }
}

/// A result as a recording keeps it: the execution's secrets redacted wherever they
/// appear in it (the final URL, a header, a text body), so a replay sees `[redacted]`
/// there.
fn to_recorded(result: &Result<Response, FetchFailure>, redactor: &Redactor) -> RecordedResult {
    match result {
        Ok(response) => RecordedResult::Response {
            status: response.status,
            status_text: response.status_text.clone(),
            url: redactor.redact(response.url.clone()),
            redirected: response.redirected,
            headers: response.headers.iter().map(|(n, v)| (n.clone(), redactor.redact(v.clone()))).collect(),
            body: match std::str::from_utf8(&response.body) {
                Ok(text) => recording::encode(redactor.redact(text.to_owned()).as_bytes()),
                Err(_) => recording::encode(&response.body),
            },
        },
        Err(failure) => RecordedResult::Failure(failure.clone()),
    }
}

/// A recorded result as the guest takes it.
fn from_recorded(result: RecordedResult) -> Result<Response, FetchFailure> {
    match result {
        RecordedResult::Response { status, status_text, url, redirected, headers, body } => {
            Ok(Response { status, status_text, url, redirected, headers, body: recording::decode(&body) })
        }
        RecordedResult::Failure(failure) => Err(failure),
    }
}
