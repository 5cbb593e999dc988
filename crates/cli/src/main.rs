//! `actionbox`: compile, run and benchmark Actions from the command line.
//!
//! Exit codes (see `exit.rs`): 0 allowed, 3 denied, and one code per kind of failure.

/// `println!` to stdout through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::emit(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!` to stderr through [`emit_err`].
macro_rules! errln {
    ($($arg:tt)*) => { $crate::emit_err(&format!("{}\n", format_args!($($arg)*))) };
}

mod bench;
mod deps;
mod exit;
mod flow_file;
mod flow_recording;
mod input;
mod network;
mod render;
mod state_file;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use actionbox::{Config, Engine, ExecuteOptions, Key, Trigger};
use clap::{Args, Parser, Subcommand};

use crate::flow_file::FlowSource;
use crate::flow_recording::FlowTape;
use crate::network::NetworkArgs;

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
        #[command(flatten)]
        keys: Keys,
    },
    /// Run an Action (source or compiled) once and print its outcome.
    Run {
        #[command(flatten)]
        target: Target,
        /// Print the Outcome as JSON instead of a summary.
        #[arg(long)]
        json: bool,
        /// Record the execution's requests and responses, their completion order, its
        /// clock readings and random numbers to FILE (JSON, 0600, secrets redacted).
        #[arg(long, value_name = "FILE", conflicts_with = "replay")]
        record: Option<PathBuf>,
        /// Replay a recording from `--record`: the same responses, order, times and
        /// random numbers, with no network.
        #[arg(long, value_name = "FILE")]
        replay: Option<PathBuf>,
    },
    /// An Action's npm dependencies: install and pin them, or audit them.
    Deps {
        #[command(subcommand)]
        command: DepsCommand,
    },
    /// Action Modules: publish one to the local registry, or list what it holds.
    Module {
        #[command(subcommand)]
        command: ModuleCommand,
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
        /// Number of executions (1 to 10,000,000).
        #[arg(short = 'n', long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
        iterations: u32,
        /// Also time the Action in Node's `vm` module, for comparison. UNSAFE for
        /// untrusted Actions: Node's `vm` is not a sandbox, so the Action runs outside
        /// actionbox's. Off by default.
        #[arg(long)]
        node_baseline: bool,
        /// Start every execution from a snapshot of the Action's own, its top level and
        /// its `require`s evaluated ahead of time (made once, kept in the cache
        /// directory). An Action whose top level cannot be snapshotted is measured
        /// without, and the reason printed.
        #[arg(long)]
        snapshot: bool,
        /// Measure under hostile load: executions offered at `--rate` per second, one in
        /// five a hostile Action (loop, memory bomb, microtask flood, fetch flood, deep
        /// recursion), until `-n` benign ones ran; their latency is reported beside the
        /// benign load alone. Use `--timeout` for the deadline (e.g. `2s`).
        #[arg(long)]
        hostile: bool,
        /// Executions offered per second with `--hostile`.
        #[arg(long, default_value_t = 400, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        rate: u32,
        /// How the engine schedules executions with `--hostile`: `full` (yield interval
        /// and demotion of long runners, the default), `yield` (yield interval only),
        /// `none` (a yield at every epoch tick only).
        #[arg(long, value_enum, default_value = "full")]
        scheduling: bench::Scheduling,
        /// The hostile Actions offered with `--hostile`, in turn (default: all five), e.g.
        /// `--hostile-kinds loop,memory-bomb`: what each kind costs the benign load.
        #[arg(long, value_enum, value_delimiter = ',')]
        hostile_kinds: Vec<bench::HostileKind>,
        /// Directories a flow file's Actions may come from (default: the flow file's own).
        #[arg(long = "root", value_name = "DIR")]
        roots: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum DepsCommand {
    /// Install the Action's dependencies with npm (install scripts off), adding PACKAGEs
    /// (`name`, `name@version`, `name@range`), then pin every version in its
    /// `package.json` to the exact one installed. npm keeps `package-lock.json`.
    Install {
        /// The Action's directory, holding its `package.json`.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        packages: Vec<String>,
    },
    /// Check the installed packages (`package-lock.json`) against the npm registry's
    /// security advisories; exits with 14 when there are some.
    Audit {
        /// The Action's directory, holding its `package-lock.json`.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// The registry to ask (default: npm's configured registry).
        #[arg(long, value_name = "URL")]
        registry: Option<String>,
    },
}

#[derive(Subcommand)]
enum ModuleCommand {
    /// Publish the Action Module in DIR: its `package.json` (name, exact version, pinned
    /// npm dependencies), its files and its `node_modules`, frozen as they are. A version
    /// is published once; a module may not require another (`actions:...`).
    Publish {
        dir: PathBuf,
        /// The registry (default: `$ACTIONBOX_MODULES`, else `modules` in actionbox's data
        /// directory).
        #[arg(long, value_name = "DIR")]
        registry: Option<PathBuf>,
    },
    /// List the registry's modules and their versions.
    List {
        /// The registry (default as for `publish`).
        #[arg(long, value_name = "DIR")]
        registry: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum FlowCommand {
    /// Run a flow file's Actions in order on one event and print the flow's outcome.
    Run {
        /// The flow file (TOML): `trigger = "post-login"` and `[[actions]]` with `path`,
        /// optional `name`, `secrets`, `configuration` and `egress`.
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
        /// Directories the flow's Actions may come from (default: the flow file's own).
        #[arg(long = "root", value_name = "DIR")]
        roots: Vec<PathBuf>,
        #[command(flatten)]
        keys: Keys,
        /// The egress policy of the Actions whose entry has no `egress` table.
        #[command(flatten)]
        network: NetworkArgs,
        /// Record each Action's requests and responses, their completion order, its clock
        /// readings and random numbers to FILE (JSON, 0600, secrets redacted).
        #[arg(long, value_name = "FILE", conflicts_with = "replay")]
        record: Option<PathBuf>,
        /// Replay a recording from `flow run --record`: each Action gets the same
        /// responses, order, times and random numbers, with no network.
        #[arg(long, value_name = "FILE")]
        replay: Option<PathBuf>,
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
        #[command(flatten)]
        keys: Keys,
        /// The egress policy of the Actions whose entry has no `egress` table.
        #[command(flatten)]
        network: NetworkArgs,
    },
}

/// Keys for signed artifacts.
#[derive(Args)]
struct Keys {
    /// Sign compiled artifacts with the key in FILE (64 hex digits, mode 0600; created
    /// when missing), and accept only artifacts it signed.
    #[arg(long, value_name = "FILE")]
    artifact_key: Option<PathBuf>,
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
    /// The trigger to run.
    #[arg(long, default_value = "post-login", value_parser = trigger_names())]
    trigger: Trigger,
    /// A secret for `event.secrets`, as KEY=VALUE (repeatable).
    #[arg(long = "secret", value_name = "KEY=VALUE")]
    secrets: Vec<String>,
    /// A setting for `event.configuration` (the non-secret settings of an integration),
    /// as KEY=VALUE (repeatable).
    #[arg(long = "config", value_name = "KEY=VALUE")]
    configuration: Vec<String>,
    /// Wall-clock deadline per execution, e.g. `20s`, `500ms`.
    #[arg(long, default_value = "20s", value_parser = humantime::parse_duration)]
    timeout: Duration,
    #[command(flatten)]
    keys: Keys,
    /// Where the Action's `fetch` may go.
    #[command(flatten)]
    network: NetworkArgs,
}

impl Target {
    /// The options each execution gets: the egress policy and mocks of the flags.
    fn options(&self) -> Result<ExecuteOptions, exit::Failure> {
        self.network.options()
    }
}

/// `--trigger`'s values, from the trigger table: the help lists them, and any other name
/// is refused with the list.
fn trigger_names() -> impl clap::builder::TypedValueParser<Value = Trigger> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Trigger::ALL.iter().map(|trigger| trigger.name()))
        .try_map(|name| name.parse::<Trigger>())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => return exit::Failure::io(format!("starting the async runtime: {e}")).report(),
    };
    match runtime.block_on(dispatch(cli.command)) {
        Ok(code) => code,
        Err(failure) => failure.report(),
    }
}

async fn dispatch(command: Command) -> Result<ExitCode, exit::Failure> {
    match command {
        Command::Compile { source, output, keys } => {
            let engine = engine(Duration::from_secs(20), &keys).await?;
            let text = input::read_source(&source)?;
            let action = input::compile(&engine, &source, &text).await?;
            std::fs::write(&output, engine.save_artifact(&action))
                .map_err(|e| exit::Failure::io(format!("writing {}: {e}", output.display())))?;
            errln!(
                "compiled {} -> {} (handlers: {})",
                source.display(),
                output.display(),
                render::escape(&action.handlers().join(", "))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Module { command: ModuleCommand::Publish { dir, registry } } => {
            let registry = input::registry(registry)?;
            let engine = engine(Duration::from_secs(20), &Keys { artifact_key: None }).await?;
            let published = engine.publish_module(&registry, &dir).await.map_err(|e| match e {
                actionbox::Error::Dependency { file, reason } => {
                    exit::Failure::invalid_input(format!("{}: {reason}", dir.join(file).display()))
                }
                other => exit::Failure::from(other),
            })?;
            outln!("{}@{}", render::escape(&published.name), render::escape(&published.versions.join(", ")));
            errln!("published to {}", registry.dir().display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Module { command: ModuleCommand::List { registry } } => {
            let registry = input::registry(registry)?;
            let modules = registry
                .list()
                .map_err(|e| exit::Failure::io(format!("reading the registry {}: {e}", registry.dir().display())))?;
            for module in &modules {
                outln!("{} {}", render::escape(&module.name), render::escape(&module.versions.join(" ")));
            }
            if modules.is_empty() {
                errln!("no Action Modules in {}", registry.dir().display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Deps { command: DepsCommand::Install { dir, packages } } => {
            let pinned = deps::install(&dir, &packages)?;
            for package in &pinned {
                outln!("{}", render::escape(package));
            }
            errln!(
                "{} direct dependencies installed and pinned in {}",
                pinned.len(),
                dir.join("package.json").display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Deps { command: DepsCommand::Audit { dir, registry } } => {
            let (advisories, checked) = deps::audit(&dir, registry.as_deref()).await?;
            let mut found = 0;
            for (name, list) in &advisories {
                for advisory in list {
                    found += 1;
                    outln!(
                        "{} {} {}: {} {}",
                        render::escape(&advisory.severity),
                        render::escape(name),
                        render::escape(&advisory.vulnerable_versions),
                        render::escape(&advisory.title),
                        render::escape(&advisory.url)
                    );
                }
            }
            errln!("{checked} installed packages checked: {found} advisories");
            Ok(if found == 0 { ExitCode::SUCCESS } else { ExitCode::from(exit::ADVISORIES) })
        }
        Command::Run { target, json, record, replay } => {
            let engine = engine(target.timeout, &target.keys).await?;
            let action = input::load_action(&engine, &target.action).await?;
            let event = input::read_event(&target.event, &target.secrets, &target.configuration)?;
            let mut options = target.options()?;
            if record.is_some() {
                options.record();
            }
            if let Some(path) = &replay {
                let bytes = input::read_file(path, actionbox::limits::MAX_RECORDING_FILE_BYTES)?;
                let recording = actionbox::Recording::from_json(&bytes)
                    .map_err(|e| exit::Failure::invalid_input(format!("{}: {e}", path.display())))?;
                options.replay(recording);
            }
            let mut outcome = engine.execute_with(target.trigger, &action, &event, &options).await?;
            if let (Some(path), Some(recording)) = (&record, outcome.recording.take()) {
                let text = serde_json::to_string_pretty(&recording).expect("a recording serializes");
                state_file::write_private(path, text.as_bytes())?;
                errln!("recorded {} requests to {}", recording.requests.len(), path.display());
            }
            if replay.is_some() && outcome.recording.as_ref().is_some_and(|r| r.diverged) {
                errln!("warning: the execution did not follow the recording (it made other requests or read more)");
            }
            if json {
                outln!("{}", serde_json::to_string_pretty(&outcome).expect("an Outcome serializes"));
            } else {
                emit(&render::summary(&outcome, Some(&action)));
            }
            Ok(exit::for_decision(&outcome.decision))
        }
        Command::Flow {
            command: FlowCommand::Run { flow, event, timeout, json, state, roots, keys, network, record, replay },
        } => {
            let source = FlowSource::new(&flow, &roots)?;
            let mut engine_config = config(timeout, &keys)?;
            engine_config.state_key(state_file::key()?);
            let engine = Engine::new(engine_config).await?;
            let tape = match (&record, &replay) {
                (Some(_), _) => FlowTape::Record,
                (None, Some(path)) => {
                    let bytes = input::read_file(path, actionbox::limits::MAX_RECORDING_FILE_BYTES)?;
                    FlowTape::replay(&bytes, &path.display().to_string())?
                }
                (None, None) => FlowTape::Off,
            };
            let loaded = flow_file::load(&engine, &source, &network, &tape).await?;
            let event = input::read_event(&event, &[], &[])?;
            let mut outcome = engine.run_flow(&loaded, &event).await?;
            if let Some(path) = &record {
                let (text, actions) = flow_recording::take(&mut outcome);
                state_file::write_private(path, text.as_bytes())?;
                errln!("recorded {actions} Actions to {}", path.display());
            }
            if replay.is_some() {
                for name in flow_recording::diverged(&outcome) {
                    errln!(
                        "warning: Action `{}` did not follow its recording (it made other requests or read more)",
                        render::escape(name)
                    );
                }
            }
            if let (Some(suspended), Some(state)) = (&outcome.suspended, &state) {
                state_file::save(state, &source, suspended)?;
            }
            report_flow(&outcome, json, state.is_none());
            Ok(exit::for_flow_decision(&outcome.decision))
        }
        Command::Flow { command: FlowCommand::Continue { state, query, body, timeout, json, keys, network } } => {
            let mut engine_config = config(timeout, &keys)?;
            engine_config.state_key(state_file::key()?);
            let engine = Engine::new(engine_config).await?;
            let saved = state_file::load(&state)?;
            let suspended = engine.open_suspended(&saved.token)?;
            let flow = flow_file::load(&engine, &saved.flow, &network, &FlowTape::Off).await?;
            let request = actionbox::ContinueRequest {
                query: input::pairs("--query", &query)?,
                body: input::pairs("--body", &body)?,
            };
            if suspended.accepts(&request) {
                state_file::claim(&state, &suspended)?;
            }
            let outcome = engine.resume_flow(&flow, &suspended, &request).await?;
            report_flow(&outcome, json, true);
            Ok(exit::for_flow_decision(&outcome.decision))
        }
        Command::Bench { target, iterations, roots, .. } if target.action.extension().is_some_and(|e| e == "toml") => {
            let engine = engine(target.timeout, &target.keys).await?;
            let source = FlowSource::new(&target.action, &roots)?;
            let flow = flow_file::load(&engine, &source, &target.network, &FlowTape::Off).await?;
            let event = input::read_event(&target.event, &target.secrets, &target.configuration)?;
            bench::run_flow(&engine, &flow, &target.action.display().to_string(), &event, iterations).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { target, iterations, hostile: true, rate, scheduling, hostile_kinds, .. } => {
            let event = input::read_event(&target.event, &target.secrets, &target.configuration)?;
            let load =
                bench::Load { rate, benign: iterations, timeout: target.timeout, scheduling, kinds: hostile_kinds };
            bench::run_hostile(target.action, event, target.trigger, load)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { target, iterations, node_baseline, snapshot, .. } => {
            let engine = engine(target.timeout, &target.keys).await?;
            let action = input::load_action(&engine, &target.action).await?;
            let event = input::read_event(&target.event, &target.secrets, &target.configuration)?;
            let options = target.options()?;
            if snapshot {
                bench::snapshot(&engine, &action).await?;
            }
            bench::run(&engine, &action, &target, &options, &event, iterations, node_baseline).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The engine configuration for a command: its deadline and, with `--artifact-key`,
/// signed artifacts.
fn config(timeout: Duration, keys: &Keys) -> Result<Config, exit::Failure> {
    let mut config = Config::default();
    config.timeout(timeout);
    if let Some(path) = &keys.artifact_key {
        config.artifact_key(Some(Key::load_or_create(path)?));
    }
    Ok(config)
}

async fn engine(timeout: Duration, keys: &Keys) -> Result<Engine, exit::Failure> {
    Ok(Engine::new(config(timeout, keys)?).await?)
}

/// Prints a flow outcome; a suspension without `--state` gets a hint on stderr.
fn report_flow(outcome: &actionbox::FlowOutcome, json: bool, hint_state: bool) {
    if json {
        outln!("{}", serde_json::to_string_pretty(outcome).expect("a FlowOutcome serializes"));
    } else {
        emit(&render::flow_summary(outcome));
    }
    if hint_state && outcome.suspended.is_some() {
        errln!("note: pass --state FILE to save the suspended flow for `actionbox flow continue`");
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

/// Writes to stderr; when stderr is closed the text is lost, and nothing else happens.
pub fn emit_err(text: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes()).and_then(|()| stderr.flush());
}
