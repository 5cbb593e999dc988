//! A flow's recording, for `flow run --record FILE` and `--replay FILE`: one execution
//! recording (`actionbox::Recording`) per Action that ran, in the flow's order, each
//! under the Action's name. A replay gives the flow's `n`th Action the `n`th recording,
//! once the names agree; an Action past the recorded ones (the replay took another path)
//! replays an empty recording, so any request it makes fails as not recorded.

use actionbox::{ExecuteOptions, FlowOutcome, Recording};
use serde::{Deserialize, Serialize};

use crate::exit::Failure;

/// The file format's version.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowRecording {
    version: u32,
    actions: Vec<ActionRecording>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionRecording {
    name: String,
    /// An execution's recording, read with `Recording::from_json` (which checks its own
    /// version).
    recording: serde_json::Value,
}

/// What a flow run does with the outside world of its Actions.
pub enum FlowTape {
    Off,
    Record,
    /// The recordings, by position, with the Actions' names.
    Replay(Vec<(String, Recording)>),
}

impl FlowTape {
    /// Reads a flow recording's JSON; `shown` names the file in errors.
    pub fn replay(bytes: &[u8], shown: &str) -> Result<Self, Failure> {
        let invalid = |why: String| Failure::invalid_input(format!("{shown}: {why}"));
        let file: FlowRecording = serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
        if file.version != VERSION {
            return Err(invalid(format!("flow recording version {} (this actionbox reads {VERSION})", file.version)));
        }
        let mut recordings = Vec::with_capacity(file.actions.len());
        for (i, action) in file.actions.into_iter().enumerate() {
            let text = serde_json::to_vec(&action.recording).expect("a JSON value serializes");
            let recording = Recording::from_json(&text)
                .map_err(|e| invalid(format!("the recording of Action {} (`{}`): {e}", i + 1, action.name)))?;
            recordings.push((action.name, recording));
        }
        Ok(FlowTape::Replay(recordings))
    }

    /// Sets the `index`th Action's options (`name` is its name) to record or replay.
    pub fn apply(&self, index: usize, name: &str, options: &mut ExecuteOptions) -> Result<(), Failure> {
        match self {
            FlowTape::Off => {}
            FlowTape::Record => {
                options.record();
            }
            FlowTape::Replay(recordings) => match recordings.get(index) {
                Some((recorded, recording)) if recorded == name => {
                    options.replay(recording.clone());
                }
                Some((recorded, _)) => {
                    return Err(Failure::invalid_input(format!(
                        "the recording is of another flow: its Action {} is `{recorded}`, this flow's is `{name}`",
                        index + 1
                    )));
                }
                None => {
                    options.replay(Recording::default());
                }
            },
        }
        Ok(())
    }
}

/// Takes the recordings out of a recorded flow's outcome: the file's JSON, and how many
/// Actions it holds.
pub fn take(outcome: &mut FlowOutcome) -> (String, usize) {
    let actions: Vec<ActionRecording> = outcome
        .actions
        .iter_mut()
        .filter_map(|report| {
            let recording = report.outcome.recording.take()?;
            Some(ActionRecording {
                name: report.name.clone(),
                recording: serde_json::to_value(&recording).expect("a recording serializes"),
            })
        })
        .collect();
    let count = actions.len();
    let file = FlowRecording { version: VERSION, actions };
    (serde_json::to_string_pretty(&file).expect("a flow recording serializes"), count)
}

/// The names of the Actions whose replay did not follow their recording.
pub fn diverged(outcome: &FlowOutcome) -> Vec<&str> {
    outcome
        .actions
        .iter()
        .filter(|report| report.outcome.recording.as_ref().is_some_and(|r| r.diverged))
        .map(|report| report.name.as_str())
        .collect()
}
