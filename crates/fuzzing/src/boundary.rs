//! The boundary target: the host's imports called with arbitrary values of the
//! contract's types, in any order, before and after the run's answer is taken and across
//! a flow's next Action (`actionbox::fuzzing::Boundary`).
//!
//! The oracle: no panic; every call returns within the deadline plus a margin; what the
//! store holds stays within the seed's limits; a settled run gives an outcome or a typed
//! error (never `internal`), bounded, and without the execution's secret where the
//! README's rule redacts it.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actionbox::fuzzing::wit::RunError;
use actionbox::fuzzing::{Boundary, Import};
use actionbox::limits::{MAX_CRYPTO_KEYS, MAX_OUTPUT_RECORDS, MAX_REQUESTS};
use actionbox::{Config, Engine, Mocks, Trigger};
use arbitrary::{Arbitrary, Unstructured};
use serde_json::json;

use crate::runtime::{check_resident, engine, runtime};

/// The engine's deadline: the longest an event-loop wait can take.
const TIMEOUT: Duration = Duration::from_millis(40);
const MARGIN: Duration = Duration::from_secs(3);
const SECRET: &str = "fz-boundary-secret-0d41";
const MAX_CALLS: usize = 64;

/// One case: the trigger and the calls, in order.
#[derive(Debug)]
pub struct Case {
    pub trigger: Trigger,
    pub calls: Vec<Import>,
}

impl<'a> Arbitrary<'a> for Case {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let trigger = *u.choose(Trigger::ALL)?;
        let mut calls = Vec::new();
        while calls.len() < MAX_CALLS && !u.is_empty() {
            calls.push(u.arbitrary()?);
        }
        Ok(Case { trigger, calls })
    }
}

fn configure(config: &mut Config) {
    config.timeout(TIMEOUT).memory_limit(16 << 20);
}

fn mocks() -> Mocks {
    Mocks::from_json(br#"{"mocks": [{"url": "https://mock.test/*", "status": 200, "body": "ok"}]}"#)
        .expect("the mocks parse")
}

static ENGINE: OnceLock<Engine> = OnceLock::new();

/// Makes the target's engine ahead of the inputs.
pub fn prepare() {
    engine(&ENGINE, configure);
}

/// The target.
pub fn check(data: &[u8]) {
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else { return };
    let engine = engine(&ENGINE, configure);
    let event = json!({
        "user": { "user_id": "auth0|fuzz", "email": "fuzz@example.com" },
        "request": { "ip": "203.0.113.9", "hostname": "tenant.example.com" },
        "transaction": { "protocol": "oidc-basic-profile", "state": "s" },
        "secrets": { "KEY": SECRET },
    });
    runtime().block_on(async {
        let mut boundary = Boundary::new(engine, case.trigger, event, mocks()).expect("a store for the trigger");
        for call in case.calls {
            let described = format!("{call:?}");
            // A guest that says a fresh instance has no runtime left contradicts the
            // host's own record: that is reported as internal, rightly.
            let impossible = matches!(call, Import::Settle(Err(RunError::Exhausted)));
            let started = Instant::now();
            let settled = boundary.call(call).await;
            let elapsed = started.elapsed();
            assert!(elapsed <= TIMEOUT + MARGIN, "{described} took {elapsed:?}");
            let footprint = boundary.footprint();
            assert!(
                footprint.commands + footprint.warnings <= MAX_OUTPUT_RECORDS,
                "{footprint:?} after {described}: past the output cap"
            );
            assert!(footprint.keys <= MAX_CRYPTO_KEYS, "{footprint:?} after {described}: past the key cap");
            match settled {
                None => {}
                Some(Err(e)) => assert!(impossible || e.kind() != "internal", "settling failed inside the host: {e}"),
                Some(Ok(outcome)) => {
                    assert!(outcome.requests.len() <= MAX_REQUESTS, "{} requests recorded", outcome.requests.len());
                    if let Some(place) = crate::secret_shown(&outcome, SECRET) {
                        panic!("the secret is shown in the {place}");
                    }
                }
            }
        }
    });
    check_resident("boundary calls");
}
