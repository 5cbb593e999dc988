//! Checks on an Action's source before and after the guest parses it: the size limit,
//! TypeScript, and ES module syntax, each reported as its own [`Error`].

use crate::error::{Error, Location, Result};
use crate::limits::MAX_SOURCE_BYTES;

/// Refuses what need not reach the guest: an oversized source, a TypeScript file name.
pub fn check_before_compile(filename: &str, source: &str) -> Result<()> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Error::SourceTooLarge { size: source.len(), limit: MAX_SOURCE_BYTES });
    }
    if [".ts", ".tsx", ".mts", ".cts"].iter().any(|ext| filename.ends_with(ext)) {
        return Err(Error::TypeScript { location: None });
    }
    Ok(())
}

/// Explains a syntax error: TypeScript and ES modules get their own errors, pointing at
/// the first line that shows them; anything else stays a syntax error.
pub fn explain_syntax_error(source: &str, message: String, location: Option<Location>) -> Error {
    if let Some(line) = first_line_matching(source, is_typescript_line) {
        return Error::TypeScript { location: Some(line) };
    }
    if let Some(line) = first_line_matching(source, is_module_line) {
        return Error::EsModule { location: Some(line) };
    }
    let location = location.map(|l| refine_location(source, &message, l));
    Error::Syntax { message, location }
}

/// QuickJS reports a syntax error on the right line, but its column is the tokenizer's
/// last recorded one, often stale; and an unbalanced `}` is reported past the end of the
/// Action (at the CommonJS wrapper's own closing brace). This keeps the line, moves past-
/// the-end positions to the end of the source, and puts the column on the token the
/// message quotes (`unexpected token in expression: ';'`) when that line has it.
fn refine_location(source: &str, message: &str, reported: Location) -> Location {
    let lines: Vec<&str> = source.lines().collect();
    let Some(last) = lines.len().checked_sub(1) else { return Location { line: 1, column: 1 } };
    let past_end = reported.line.max(1) as usize - 1 > last;
    let index = (reported.line.max(1) as usize - 1).min(last);
    let text = lines[index];
    let width = text.chars().count() as u32;
    let quoted = message.rsplit('\'').nth(1).filter(|token| !token.is_empty() && message.matches('\'').count() >= 2);
    let column = quoted
        .and_then(|token| {
            let positions: Vec<u32> =
                text.match_indices(token).map(|(at, _)| text[..at].chars().count() as u32 + 1).collect();
            let from = if past_end { 1 } else { reported.column };
            positions.iter().copied().find(|&c| c >= from).or_else(|| positions.last().copied())
        })
        .unwrap_or(if past_end { width + 1 } else { reported.column.clamp(1, width + 1) });
    Location { line: index as u32 + 1, column }
}

fn first_line_matching(source: &str, test: fn(&str) -> bool) -> Option<Location> {
    source.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        test(trimmed).then(|| Location { line: i as u32 + 1, column: (line.len() - trimmed.len()) as u32 + 1 })
    })
}

/// Lines only TypeScript has: type declarations, type imports, annotated parameters.
fn is_typescript_line(line: &str) -> bool {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| line.starts_with(p));
    if starts(&[
        "import type ",
        "export type ",
        "export interface ",
        "interface ",
        "declare ",
        "export enum ",
        "enum ",
        "namespace ",
    ]) {
        return true;
    }
    if line.starts_with("type ") && line.contains('=') {
        return true;
    }
    const ANNOTATIONS: &[&str] = &[
        ": string",
        ": number",
        ": boolean",
        ": any",
        ": void",
        ": unknown",
        ": never",
        ": Promise<",
        ": Event",
        ": API",
        ": PostLoginEvent",
        ": PostLoginApi",
        "): Promise<",
        " as const",
        " satisfies ",
    ];
    (line.contains("function") || line.contains("=>") || line.contains("const ") || line.contains("let "))
        && ANNOTATIONS.iter().any(|a| line.contains(a))
}

/// Lines of ES module syntax: `import ... from`, `export default`, `export const`, ...
fn is_module_line(line: &str) -> bool {
    (line.starts_with("import ") && (line.contains(" from ") || line.contains('\'') || line.contains('"')))
        || [
            "export default ",
            "export const ",
            "export let ",
            "export var ",
            "export function ",
            "export async ",
            "export {",
            "export *",
        ]
        .iter()
        .any(|p| line.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax_location(source: &str, message: &str, line: u32, column: u32) -> Option<Location> {
        match explain_syntax_error(source, message.into(), Some(Location { line, column })) {
            Error::Syntax { location, .. } => location,
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn the_column_moves_to_the_quoted_token() {
        let source = "let a = 1;\nlet b = (2 + ;\n";
        let at = syntax_location(source, "unexpected token in expression: ';'", 2, 9);
        assert_eq!(at, Some(Location { line: 2, column: 14 }));
    }

    #[test]
    fn a_position_past_the_end_moves_to_the_last_line() {
        let source = "let a = 1;\n   }";
        let at = syntax_location(source, "Unexpected token '}'", 6, 61);
        assert_eq!(at, Some(Location { line: 2, column: 4 }));
    }

    #[test]
    fn typescript_and_modules_are_named() {
        let ts = explain_syntax_error("const x: string = 'a';\n", "x".into(), None);
        assert!(matches!(ts, Error::TypeScript { location: Some(Location { line: 1, .. }) }));
        let esm = explain_syntax_error("import x from 'y';\n", "x".into(), None);
        assert!(matches!(esm, Error::EsModule { .. }));
    }
}
