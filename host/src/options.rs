//! What differs per execution rather than per engine. [`Config`](crate::Config) is what
//! an engine is built with; [`ExecuteOptions`] is what one call, or one Action of a flow,
//! is given: its secrets, its configuration, its egress policy (where `fetch` may go)
//! and the mocks that answer its requests instead of the network.
//! Capabilities are added here as options with defaults, so callers that do not use them
//! do not change.

use serde_json::{Map, Value};

use crate::error::Result;
use crate::event;
use std::sync::Arc;

use crate::fetch::{EgressPolicy, Mocks};
use crate::recording::{Recording, TapeMode};

/// The options of one execution. The default changes nothing: the Action sees the
/// `event` as given.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ExecuteOptions {
    secrets: Option<Map<String, Value>>,
    configuration: Option<Map<String, Value>>,
    egress: Arc<EgressPolicy>,
    mocks: Option<Arc<Mocks>>,
    tape: TapeMode,
}

impl ExecuteOptions {
    pub fn new() -> Self {
        ExecuteOptions::default()
    }

    /// The Action's secrets: they replace `event.secrets`. Checked when the Action runs
    /// (or is added to a flow) against the platform's limits: string values, keys of at
    /// most [`MAX_SECRET_KEY_CHARS`](crate::limits::MAX_SECRET_KEY_CHARS) characters,
    /// values of at most [`MAX_SECRET_VALUE_CHARS`](crate::limits::MAX_SECRET_VALUE_CHARS).
    pub fn secrets(&mut self, secrets: Map<String, Value>) -> &mut Self {
        self.secrets = Some(secrets);
        self
    }

    /// The Action's configuration, the non-secret settings of an integration: it replaces
    /// `event.configuration`. Values are strings, under the same limits as secrets.
    pub fn configuration(&mut self, configuration: Map<String, Value>) -> &mut Self {
        self.configuration = Some(configuration);
        self
    }

    /// Where the Action's `fetch` may go; the default is HTTPS to any public host.
    pub fn egress(&mut self, policy: EgressPolicy) -> &mut Self {
        self.egress = Arc::new(policy);
        self
    }

    /// Answers the Action's requests from `mocks` instead of the network (each request
    /// still checked against the egress policy first).
    pub fn mocks(&mut self, mocks: Mocks) -> &mut Self {
        self.mocks = Some(Arc::new(mocks));
        self
    }

    /// Records the execution's requests and responses, the order they completed in, and
    /// its clock readings and random numbers, into the Outcome's `recording`, with the
    /// execution's secrets redacted.
    pub fn record(&mut self) -> &mut Self {
        self.tape = TapeMode::Record;
        self
    }

    /// Replays `recording`: requests are answered from it in the order they start,
    /// completions come in its order, clocks and random numbers give its readings. The
    /// policy still applies.
    pub fn replay(&mut self, recording: Recording) -> &mut Self {
        self.tape = TapeMode::Replay(Arc::new(recording));
        self
    }

    /// Whether these options record or replay.
    pub(crate) fn tape_mode(&self) -> &TapeMode {
        &self.tape
    }

    /// The mocks these options give, if any.
    pub fn mocks_given(&self) -> Option<&Arc<Mocks>> {
        self.mocks.as_ref()
    }

    /// The egress policy these options give.
    pub fn egress_policy(&self) -> &Arc<EgressPolicy> {
        &self.egress
    }

    /// The secrets these options give, if any.
    pub fn secrets_given(&self) -> Option<&Map<String, Value>> {
        self.secrets.as_ref()
    }

    /// The configuration these options give, if any.
    pub fn configuration_given(&self) -> Option<&Map<String, Value>> {
        self.configuration.as_ref()
    }

    /// Refuses secrets or configuration outside the platform's limits, naming the field.
    pub(crate) fn check(&self) -> Result<()> {
        if let Some(secrets) = &self.secrets {
            event::check_string_map("secrets", secrets)?;
        }
        if let Some(configuration) = &self.configuration {
            event::check_string_map("configuration", configuration)?;
        }
        Ok(())
    }

    /// Whether applying these options changes an event.
    pub(crate) fn changes_event(&self) -> bool {
        self.secrets.is_some() || self.configuration.is_some()
    }

    /// Writes the secrets and configuration given into `event`: the event an Action run
    /// with these options sees. An event that is not an object is left as it is, for the
    /// event checks to refuse.
    pub fn apply_to(&self, event: &mut Value) {
        let Value::Object(fields) = event else { return };
        if let Some(secrets) = &self.secrets {
            fields.insert("secrets".into(), Value::Object(secrets.clone()));
        }
        if let Some(configuration) = &self.configuration {
            fields.insert("configuration".into(), Value::Object(configuration.clone()));
        }
    }
}

/// Options that give these secrets: what a flow's Actions were given before options
/// existed, and still the common case.
impl From<Map<String, Value>> for ExecuteOptions {
    fn from(secrets: Map<String, Value>) -> Self {
        ExecuteOptions { secrets: Some(secrets), ..ExecuteOptions::default() }
    }
}
