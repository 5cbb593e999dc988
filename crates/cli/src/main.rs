//! `actionbox`: compile, run and benchmark Actions from the command line.
//!
//! Exit codes (see `exit.rs`): 0 allowed, 3 denied, and one code per kind of failure.

/// `println!` to stdout through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::emit(&format!("{}\n", format_args!($($arg)*))) };
}

mod bench;
mod exit;
mod flow_file;
mod input;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use actionbox::{Config, Engine, Trigger};
use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(name = "actionbox", version, about = "Run identity-platform Actions in a WebAssembly sandbox")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile an Action's JavaScript to a `.wasm` artifact.
    Compile {
        /// The Action's source (CommonJS JavaScript).
        source: PathBuf,
        /// Where to write the compiled Action.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run an Action (source or compiled) once and print its outcome.
    Run {
        #[command(flatten)]
        target: Target,
        /// Print the Outcome as JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
    /// Run a flow: a trigger's Actions in order (see `flow run --help`).
    Flow {
        #[command(subcommand)]
        command: FlowCommand,
    },
    /// Run an Action (or a flow file) many times in one process and report latency and
    /// memory.
    Bench {
        #[command(flatten)]
        target: Target,
        /// Number of executions.
        #[arg(short = 'n', long, default_value_t = 10_000)]
        iterations: u32,
        /// Skip the comparison with Node's `vm` module even when `node` is installed.
        #[arg(long)]
        no_node: bool,
    },
}

#[derive(Subcommand)]
enum FlowCommand {
    /// Run a flow file's Actions in order on one event and print the flow's outcome.
    Run {
        /// The flow file (TOML): `trigger = "post-login"` and `[[actions]]` with `path`,
        /// optional `name` and `secrets`.
        flow: PathBuf,
        /// The event, a JSON file (its `secrets` are replaced by each Action's own).
        #[arg(long)]
        event: PathBuf,
        /// Wall-clock deadline of the whole flow, e.g. `20s`.
        #[arg(long, default_value = "20s", value_parser = humantime::parse_duration)]
        timeout: Duration,
        /// Print the flow outcome as JSON instead of a summary.
        #[arg(long)]
        json: bool,
        /// Where to save the state if the flow is suspended by a redirect.
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
    },
    /// Resume a flow suspended by a redirect, with the `/continue` request's parameters.
    Continue {
        /// The state file `flow run --state` saved.
        state: PathBuf,
        /// A query parameter of the continue request, KEY=VALUE (repeatable; `state` is
        /// required).
        #[arg(long = "query", value_name = "KEY=VALUE")]
        query: Vec<String>,
        /// A body parameter of the continue request, KEY=VALUE (repeatable).
        #[arg(long = "body", value_name = "KEY=VALUE")]
        body: Vec<String>,
        /// Wall-clock deadline of the resumed part, e.g. `20s`.
        #[arg(long, default_value = "20s", value_parser = humantime::parse_duration)]
        timeout: Duration,
        /// Print the flow outcome as JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
}

/// What to run and with which input.
#[derive(Args)]
struct Target {
    /// The Action: a `.js` source or a `.wasm` from `actionbox compile` (`bench` also
    /// takes a flow file, `.toml`).
    action: PathBuf,
    /// The event, a JSON file.
    #[arg(long)]
    event: PathBuf,
    /// The trigger to run: post-login, credentials-exchange, pre-user-registration,
    /// post-user-registration, post-change-password, send-phone-message,
    /// password-reset-post-challenge, custom-token-exchange, custom-email-provider,
    /// custom-phone-provider.
    #[arg(long, default_value = "post-login")]
    trigger: Trigger,
    /// A secret for `event.secrets`, as KEY=VALUE (repeatable).
    #[arg(long = "secret", value_name = "KEY=VALUE")]
    secrets: Vec<String>,
    /// Wall-clock deadline per execution, e.g. `20s`, `500ms`.
    #[arg(long, default_value = "20s", value_parser = humantime::parse_duration)]
    timeout: Duration,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("a tokio runtime");
    match runtime.block_on(dispatch(cli.command)) {
        Ok(code) => code,
        Err(failure) => failure.report(),
    }
}

async fn dispatch(command: Command) -> Result<ExitCode, exit::Failure> {
    match command {
        Command::Compile { source, output } => {
            let engine = Engine::new(Config::default()).await?;
            let text = input::read_source(&source)?;
            let name = input::file_name(&source);
            let action = engine.compile(&name, &text).await.map_err(|e| exit::Failure::compile(e, &source, &text))?;
            std::fs::write(&output, action.to_wasm())
                .map_err(|e| exit::Failure::io(format!("writing {}: {e}", output.display())))?;
            eprintln!(
                "compiled {} -> {} (handlers: {})",
                source.display(),
                output.display(),
                action.handlers().join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Run { target, json } => {
            let engine = target.engine().await?;
            let action = input::load_action(&engine, &target.action).await?;
            let event = input::read_event(&target.event, &target.secrets)?;
            let outcome = engine.execute(target.trigger, &action, &event).await?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&outcome).expect("an Outcome serializes"));
            } else {
                emit(&render::summary(&outcome));
            }
            Ok(exit::for_decision(&outcome.decision))
        }
        Command::Flow { command: FlowCommand::Run { flow: flow_path, event, timeout, json, state } } => {
            let mut config = Config::default();
            config.timeout(timeout);
            let engine = Engine::new(config).await?;
            let flow = flow_file::load(&engine, &flow_path).await?;
            let event = input::read_event(&event, &[])?;
            let outcome = engine.run_flow(&flow, &event).await?;
            if let (Some(suspended), Some(state)) = (&outcome.suspended, &state) {
                flow_file::save_suspended(state, &flow_path, suspended)?;
            }
            report_flow(&outcome, json, state.is_none());
            Ok(exit::for_flow_decision(&outcome.decision))
        }
        Command::Flow { command: FlowCommand::Continue { state, query, body, timeout, json } } => {
            let mut config = Config::default();
            config.timeout(timeout);
            let engine = Engine::new(config).await?;
            let (flow, suspended) = flow_file::load_suspended(&engine, &state).await?;
            let request = actionbox::ContinueRequest {
                query: input::pairs("--query", &query)?,
                body: input::pairs("--body", &body)?,
            };
            let outcome = engine.resume_flow(&flow, &suspended, &request).await?;
            report_flow(&outcome, json, true);
            Ok(exit::for_flow_decision(&outcome.decision))
        }
        Command::Bench { target, iterations, .. } if target.action.extension().is_some_and(|e| e == "toml") => {
            let engine = target.engine().await?;
            let flow = flow_file::load(&engine, &target.action).await?;
            let event = input::read_event(&target.event, &target.secrets)?;
            bench::run_flow(&engine, &flow, &target.action.display().to_string(), &event, iterations).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { target, iterations, no_node } => {
            let engine = target.engine().await?;
            let action = input::load_action(&engine, &target.action).await?;
            let event = input::read_event(&target.event, &target.secrets)?;
            bench::run(&engine, &action, &target, &event, iterations, !no_node).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints a flow outcome; a suspension without `--state` gets a hint on stderr.
fn report_flow(outcome: &actionbox::FlowOutcome, json: bool, hint_state: bool) {
    if json {
        outln!("{}", serde_json::to_string_pretty(outcome).expect("a FlowOutcome serializes"));
    } else {
        emit(&render::flow_summary(outcome));
    }
    if hint_state && outcome.suspended.is_some() {
        eprintln!("note: pass --state FILE to save the suspended flow for `actionbox flow continue`");
    }
}

/// Writes to stdout. A reader that has gone away (a closed pipe) ends the program
/// quietly, with the I/O exit code, instead of a panic.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        std::process::exit(i32::from(exit::INTERNAL));
    }
}

impl Target {
    async fn engine(&self) -> Result<Engine, exit::Failure> {
        let mut config = Config::default();
        config.timeout(self.timeout);
        Ok(Engine::new(config).await?)
    }
}
