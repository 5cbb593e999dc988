//! Human-readable output: the summary of an Outcome, and source snippets with a caret.

use std::fmt::Write as _;
use std::path::Path;

use actionbox::{ActionError, CompiledAction, Decision, FlowDecision, FlowOutcome, Interaction, Location, Outcome};

/// What a suspended execution waits for, as the summaries print it.
fn waiting_for(interaction: &Interaction) -> String {
    match interaction {
        Interaction::Redirect { url } => format!("redirect to {}", escape(url)),
        Interaction::Challenge { method, factors } => format!("{} {}", escape(method), escape(&factors.to_string())),
        Interaction::Prompt { form_id, .. } => format!("prompt (form {})", escape(form_id)),
    }
}

/// The readable summary `actionbox run` prints; with the Action, an uncaught exception is
/// shown at its source line, with a caret, when the artifact carries its source.
pub fn summary(outcome: &Outcome, action: Option<&CompiledAction>) -> String {
    let mut out = String::new();
    match &outcome.decision {
        Decision::Allowed => out.push_str("decision: allowed\n"),
        Decision::Denied { reason, code } => {
            let _ = writeln!(out, "decision: denied{}: {}", code_suffix(code), escape(reason));
        }
        Decision::Suspended(interaction) => {
            let _ = writeln!(out, "decision: {}", waiting_for(interaction));
        }
        Decision::Error { error } => {
            let _ = writeln!(out, "decision: error: {}", escape(&error.to_string()));
            if let ActionError::Threw { stack, location, .. } = error {
                if let (Some(location), Some(action)) = (location, action)
                    && let Some(source) = action.source()
                {
                    let _ = writeln!(
                        out,
                        "{}",
                        snippet(Path::new(action.filename()), source, *location).trim_start_matches('\n')
                    );
                }
                for line in stack.lines() {
                    let _ = writeln!(out, "    {}", escape(line.trim()));
                }
            }
        }
    }
    if !outcome.commands.is_empty() {
        out.push_str("commands:\n");
        for (i, command) in outcome.commands.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, escape(&command.to_string()));
        }
    }
    if !outcome.logs.lines.is_empty() {
        out.push_str("logs:\n");
        for line in &outcome.logs.lines {
            let level = serde_json::to_value(line.level).expect("a level serializes");
            let _ = writeln!(out, "  [{}] {}", level.as_str().unwrap_or("log"), escape(&line.message));
        }
        if outcome.logs.lines_dropped > 0 {
            let _ = writeln!(out, "  ... {} more lines dropped (log cap reached)", outcome.logs.lines_dropped);
        }
        if outcome.logs.stored_truncated {
            out.push_str("  (the stored log keeps only the first 256 characters)\n");
        }
    }
    if !outcome.requests.is_empty() {
        out.push_str("requests:\n");
        for request in &outcome.requests {
            let result = match (&request.failure, request.status) {
                (Some(code), _) => code.clone(),
                (None, Some(status)) => status.to_string(),
                (None, None) => "-".into(),
            };
            let redirects = match request.redirects {
                0 => String::new(),
                1 => ", 1 redirect".into(),
                n => format!(", {n} redirects"),
            };
            let _ = writeln!(
                out,
                "  {} {} -> {} ({:.1} ms, {} bytes{redirects})",
                escape(&request.method),
                escape(&request.host),
                escape(&result),
                request.duration_us as f64 / 1000.0,
                request.bytes
            );
        }
    }
    if !outcome.pending.is_empty() {
        let _ = writeln!(
            out,
            "pending when the handler settled (never run): {} timers, {} requests",
            outcome.pending.timers, outcome.pending.requests
        );
    }
    for warning in &outcome.warnings {
        let _ = writeln!(out, "warning: {}", escape(&warning.to_string()));
    }
    let usage = &outcome.usage;
    let _ = writeln!(
        out,
        "usage: {} fuel, {} µs, {:.1} MiB peak memory",
        usage.fuel,
        usage.wall_time_us,
        usage.peak_memory_bytes as f64 / (1024.0 * 1024.0)
    );
    out
}

/// The readable summary `actionbox flow run` prints: each Action's summary, then the
/// flow's decision, what was skipped, and the merged changes.
pub fn flow_summary(outcome: &FlowOutcome) -> String {
    let mut out = String::new();
    for report in &outcome.actions {
        let _ = writeln!(out, "== {}", escape(&report.name));
        for line in summary(&report.outcome, None).lines() {
            let _ = writeln!(out, "   {line}");
        }
    }
    let blocking = if outcome.blocking { "" } else { " (non-blocking trigger: reported, not acted on)" };
    match &outcome.decision {
        FlowDecision::Allowed => {
            let _ = writeln!(out, "flow ({}): allowed{blocking}", outcome.trigger);
        }
        FlowDecision::Denied { action, reason, code } => {
            let (trigger, action, reason) = (outcome.trigger, escape(action), escape(reason));
            let _ = writeln!(out, "flow ({trigger}): denied by {action}{}: {reason}{blocking}", code_suffix(code));
        }
        FlowDecision::Suspended { action, interaction } => {
            let (trigger, action, waiting) = (outcome.trigger, escape(action), waiting_for(interaction));
            let _ = writeln!(out, "flow ({trigger}): suspended by {action}: {waiting}");
        }
        FlowDecision::Error { action, error } => {
            let _ = writeln!(
                out,
                "flow ({}): error in {}: {}{blocking}",
                outcome.trigger,
                escape(action),
                escape(&error.to_string())
            );
        }
    }
    if !outcome.skipped.is_empty() {
        let _ = writeln!(out, "skipped: {}", escape(&outcome.skipped.join(", ")));
    }
    let changes = &outcome.changes;
    for (label, map) in [
        ("user_metadata", &changes.user_metadata),
        ("app_metadata", &changes.app_metadata),
        ("idToken claims", &changes.id_token_claims),
        ("accessToken claims", &changes.access_token_claims),
    ] {
        if !map.is_empty() {
            let _ = writeln!(out, "{label}: {}", escape(&serde_json::Value::Object(map.clone()).to_string()));
        }
    }
    out
}

/// ` (code)` when there is one.
fn code_suffix(code: &Option<String>) -> String {
    code.as_deref().map(|code| format!(" ({})", escape(code))).unwrap_or_default()
}

/// The source line at `location` with a caret under the column, rustc style.
pub fn snippet(path: &Path, source: &str, location: Location) -> String {
    let Some(line) = source.lines().nth(location.line.saturating_sub(1) as usize) else {
        return format!("\n  --> {}:{location}", path.display());
    };
    let number = location.line.to_string();
    let pad = " ".repeat(number.len());
    let column = (location.column.saturating_sub(1) as usize).min(line.chars().count());
    let caret_offset: String = line.chars().take(column).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    format!("\n{pad}--> {}:{location}\n{pad} |\n{number} | {}\n{pad} | {caret_offset}^", path.display(), escape(line))
}

/// `text` with control characters, line and paragraph separators and bidirectional
/// controls written visibly (`\u{1b}`), so Action output can neither drive the terminal
/// nor start a line of its own nor reorder what is shown. Tabs stay.
pub fn escape(text: &str) -> String {
    actionbox::escape_for_display(text, true).into_owned()
}

/// As [`escape`], tabs included: for text that must stay on one line.
pub fn escape_line(text: &str) -> String {
    actionbox::escape_for_display(text, false).into_owned()
}
