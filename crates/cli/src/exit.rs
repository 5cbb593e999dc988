//! Exit codes and the failures that lead to them.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | allowed |
//! | 1 | internal error, unreadable file, stdout closed |
//! | 2 | bad command line |
//! | 3 | denied |
//! | 4 | the Action threw (or its promise never settled) |
//! | 5 | timeout |
//! | 6 | CPU budget (fuel) exhausted |
//! | 7 | memory limit |
//! | 8 | stack overflow |
//! | 9 | compile error: syntax, TypeScript, ES module, source too large, top level failed |
//! | 10 | invalid input: event, artifact, missing handler |
//! | 11 | the Action redirects, challenges or prompts the user (a flow is suspended) |
//! | 12 | the sandbox trapped for another reason (a bug of actionbox, not of the Action) |
//! | 13 | output limit: too many commands and warnings, or an event grown past its cap |
//! | 14 | `deps audit`: the registry reports advisories for installed packages |

use std::path::Path;
use std::process::ExitCode;

use actionbox::{ActionError, Decision, Error, FlowDecision};

use crate::render;

pub const INTERNAL: u8 = 1;
pub const DENIED: u8 = 3;
pub const THREW: u8 = 4;
pub const TIMEOUT: u8 = 5;
pub const CPU: u8 = 6;
pub const MEMORY: u8 = 7;
pub const STACK: u8 = 8;
pub const COMPILE: u8 = 9;
pub const INVALID_INPUT: u8 = 10;
pub const REDIRECT: u8 = 11;
pub const TRAP: u8 = 12;
pub const OUTPUT: u8 = 13;
pub const ADVISORIES: u8 = 14;

/// The exit code for how an execution ended.
pub fn for_decision(decision: &Decision) -> ExitCode {
    ExitCode::from(match decision {
        Decision::Allowed => 0,
        Decision::Denied { .. } => DENIED,
        Decision::Suspended(_) => REDIRECT,
        Decision::Error { error } => for_action_error(error),
    })
}

/// The exit code for how a flow ended: as for one Action's decision.
pub fn for_flow_decision(decision: &FlowDecision) -> ExitCode {
    ExitCode::from(match decision {
        FlowDecision::Allowed => 0,
        FlowDecision::Denied { .. } => DENIED,
        FlowDecision::Suspended { .. } => REDIRECT,
        FlowDecision::Error { error, .. } => for_action_error(error),
    })
}

fn for_action_error(error: &ActionError) -> u8 {
    match error {
        ActionError::Timeout { .. } => TIMEOUT,
        ActionError::CpuLimit { .. } => CPU,
        ActionError::MemoryLimit { .. } => MEMORY,
        ActionError::StackOverflow => STACK,
        ActionError::Trap { .. } => TRAP,
        ActionError::OutputLimit { .. } | ActionError::EventTooLarge { .. } => OUTPUT,
        _ => THREW,
    }
}

/// A command that could not complete: what to print and the code to exit with.
///
/// The message may quote the Action (an exception's text, an export's name), so it is
/// printed with every control character escaped, newlines included: one failure is one
/// line. Only a compile error's source snippet, escaped line by line, follows it.
pub struct Failure {
    message: String,
    snippet: String,
    code: u8,
}

impl Failure {
    fn new(message: &str, code: u8) -> Self {
        Failure { message: render::escape_line(message), snippet: String::new(), code }
    }

    pub fn io(message: String) -> Self {
        Failure::new(&message, INTERNAL)
    }

    pub fn invalid_input(message: String) -> Self {
        Failure::new(&message, INVALID_INPUT)
    }

    /// A compile error, shown with the offending source line and a caret.
    pub fn compile(error: Error, path: &Path, source: &str) -> Self {
        let location = error.location();
        let mut failure = Failure::from(error);
        if let Some(location) = location {
            failure.snippet = render::snippet(path, source, location);
        }
        failure
    }

    pub fn report(self) -> ExitCode {
        errln!("error: {}{}", self.message, self.snippet);
        ExitCode::from(self.code)
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let code = match &error {
            Error::SourceTooLarge { .. } | Error::TypeScript { .. } | Error::Syntax { .. } | Error::EsModule { .. } => {
                COMPILE
            }
            Error::TopLevel(e) => match e {
                ActionError::Threw { .. } => COMPILE,
                other => for_action_error(other),
            },
            Error::NoHandler { .. }
            | Error::InvalidEvent(_)
            | Error::InvalidArtifact(_)
            | Error::InvalidConfig(_)
            | Error::InvalidState(_) => INVALID_INPUT,
            _ => INTERNAL,
        };
        Failure::new(&error.to_string(), code)
    }
}
