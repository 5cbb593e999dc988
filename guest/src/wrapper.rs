//! The CommonJS wrapper an Action is compiled inside, and what it shifts.
//!
//! An Action is compiled as the body of
//! `function (exports, require, module, __filename, __dirname)`, the way Node loads one.
//! The wrapper's opening shares the Action's first line, so line numbers in errors and
//! stacks are the Action's own; columns on that first line are shifted back by
//! [`WRAPPER_OPEN`]'s length ([`first_line_columns`]).

const WRAPPER_OPEN: &str = "(function (exports, require, module, __filename, __dirname) {";
const WRAPPER_CLOSE: &str = "\n})";

/// The source inside the wrapper, followed by the NUL QuickJS reads one byte past the
/// end; the length returned leaves the NUL out.
pub fn wrap(source: &str) -> (String, usize) {
    let mut text = String::with_capacity(WRAPPER_OPEN.len() + source.len() + WRAPPER_CLOSE.len() + 1);
    text.push_str(WRAPPER_OPEN);
    text.push_str(source);
    text.push_str(WRAPPER_CLOSE);
    let len = text.len();
    text.push('\0');
    (text, len)
}

/// The stack with the columns of the Action's first line shifted back by the wrapper's
/// length (the wrapper's opening shares that line).
pub fn first_line_columns(stack: &str, filename: &str) -> String {
    let shift = WRAPPER_OPEN.len() as u32;
    let marker = format!("{filename}:1:");
    let mut out = String::with_capacity(stack.len());
    for (i, line) in stack.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match line.rfind(&marker) {
            Some(at) => {
                let digits_start = at + marker.len();
                let digits_end =
                    line[digits_start..].find(|c: char| !c.is_ascii_digit()).map_or(line.len(), |n| digits_start + n);
                match line[digits_start..digits_end].parse::<u32>() {
                    Ok(column) if column > shift => {
                        out.push_str(&line[..digits_start]);
                        out.push_str(&(column - shift).to_string());
                        out.push_str(&line[digits_end..]);
                    }
                    _ => out.push_str(line),
                }
            }
            None => out.push_str(line),
        }
    }
    out
}
