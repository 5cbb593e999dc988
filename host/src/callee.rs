//! What a call that failed with QuickJS's bare `not a function` (or `not a constructor`)
//! was calling, named from the Action's source as Node names it:
//! `api.user.setRoles is not a function`.
//!
//! QuickJS places a call's error at the last source position it recorded before the
//! call: the last name of the callee (`setRoles` in `api.user.setRoles(['x'])`), or the
//! last name among the call's arguments (`roles` in `api.user.setRoles(roles)`). So the
//! callee is the name chain right before the innermost call's `(` around that position,
//! or ending at it; it is read backwards from there. A `new`'s error is at the callee's
//! start, from where it is read forwards. A callee is names joined by `.` or `?.`,
//! subscripts (`o['a']` printed as `o.a` and `o[k]` as `o[k]`, as V8 prints them), and
//! calls (`f(...)`). Nothing is evaluated, and the innermost call is a guess where calls
//! nest in arguments (`f(g(x))` names `g`); when the source shows no callee there, the
//! message is left as it is.

use crate::error::Location;

/// The message Node would give for `message` thrown at `location` of `source`, when
/// QuickJS gave no name, and the location of the callee's last name (where V8 places the
/// error); `None` to keep both.
pub fn named(message: &str, location: Location, source: &str) -> Option<(String, Location)> {
    let (what, forwards) = match message {
        "not a function" => ("is not a function", false),
        "not a constructor" => ("is not a constructor", true),
        _ => return None,
    };
    let line = source.lines().nth(location.line.checked_sub(1)? as usize)?;
    let offset: usize = source.lines().take(location.line as usize - 1).map(|l| l.len() + 1).sum();
    // The column counts characters from 1.
    let column = line.char_indices().nth(location.column.checked_sub(1)? as usize)?.0;
    let at = offset + column;
    let (callee, name_at) = if forwards {
        (callee_starting_at(source, at)?, at)
    } else {
        let name_at = call_name_at(source, at)?;
        (callee_ending_at(source, name_at)?, name_at)
    };
    Some((format!("{callee} {what}"), location_of(source, name_at)))
}

/// The line and column (characters, from 1) of byte `at` of `source`.
fn location_of(source: &str, at: usize) -> Location {
    let before = &source[..at];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location { line, column: source[line_start..at].chars().count() as u32 + 1 }
}

/// Words that come before a `(` without calling anything.
const KEYWORDS: &[&str] =
    &["if", "while", "for", "switch", "catch", "function", "return", "typeof", "await", "in", "of"];

/// Where the last name of the called expression starts: the name at `at` when a `(`
/// follows it, else the name before the innermost unclosed `(` around `at`.
fn call_name_at(source: &str, at: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let name_end = at + bytes[at..].iter().take_while(|b| is_name_byte(**b)).count();
    if name_end > at && bytes.get(skip_space(bytes, name_end)) == Some(&b'(') {
        return Some(at);
    }
    let mut depth = 0usize;
    let mut i = at;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            // An array or object literal among the arguments: the call is further out.
            b'[' | b'{' => {}
            b'(' => {
                let end = skip_space_back(bytes, i);
                let start = end - bytes[..end].iter().rev().take_while(|b| is_name_byte(**b)).count();
                if start == end || KEYWORDS.contains(&&source[start..end]) {
                    return None;
                }
                return Some(start);
            }
            quote @ (b'\'' | b'"' | b'`') => {
                i = bytes[..i].iter().rposition(|b| *b == quote)?;
            }
            b';' if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// The callee of a `new` that starts at byte `start` of `source`.
fn callee_starting_at(source: &str, start: usize) -> Option<String> {
    let bytes = source.as_bytes();
    let mut at = start;
    let mut text = String::new();
    loop {
        let name_end = at + bytes[at..].iter().take_while(|b| is_name_byte(**b)).count();
        if name_end == at {
            return None;
        }
        text.push_str(&source[at..name_end]);
        at = name_end;
        while bytes.get(at) == Some(&b'[') {
            let close = matching_close(bytes, at)?;
            text.push_str(&subscript(source[at + 1..close].trim()));
            at = close + 1;
        }
        if bytes[at..].starts_with(b"?.") {
            text.push_str("?.");
            at += 2;
        } else if bytes.get(at) == Some(&b'.') {
            text.push('.');
            at += 1;
        } else {
            break;
        }
    }
    (text.len() <= 256).then_some(text)
}

/// The index of the `]` that closes the `[` at `open`, skipping over quoted strings.
fn matching_close(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'(' => depth += 1,
            b']' | b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            quote @ (b'\'' | b'"' | b'`') => {
                i += 1 + bytes[i + 1..].iter().position(|b| *b == quote)?;
            }
            b'\n' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The callee whose last name starts at byte `start` of `source`.
fn callee_ending_at(source: &str, start: usize) -> Option<String> {
    let bytes = source.as_bytes();
    let name_end = start + bytes[start..].iter().take_while(|b| is_name_byte(**b)).count();
    if name_end == start {
        return None;
    }
    let mut parts = vec![source[start..name_end].to_owned()];
    let mut at = start;
    loop {
        let before = skip_space_back(bytes, at);
        if before >= 2 && &bytes[before - 2..before] == b"?." {
            let (part, next) = segment_before(source, before - 2)?;
            parts.push(format!("{part}?."));
            at = next;
        } else if before >= 1 && bytes[before - 1] == b'.' && !(before >= 2 && bytes[before - 2] == b'.') {
            let (part, next) = segment_before(source, before - 1)?;
            parts.push(format!("{part}."));
            at = next;
        } else {
            break;
        }
    }
    parts.reverse();
    let text: String = parts.concat();
    (text.len() <= 256).then_some(text)
}

/// The object part just before a `.` at `dot`: a name, optionally followed by
/// subscripts and calls, as text; and where it starts. Subscripts and calls are walked
/// back over, balanced.
fn segment_before(source: &str, dot: usize) -> Option<(String, usize)> {
    let bytes = source.as_bytes();
    let mut end = skip_space_back(bytes, dot);
    let mut suffixes = Vec::new();
    while end > 0 && matches!(bytes[end - 1], b']' | b')') {
        let close = bytes[end - 1];
        let open_at = matching_open(bytes, end - 1)?;
        let inner = source[open_at + 1..end - 1].trim();
        suffixes.push(if close == b')' { "(...)".to_owned() } else { subscript(inner) });
        end = skip_space_back(bytes, open_at);
    }
    let name_start = end - bytes[..end].iter().rev().take_while(|b| is_name_byte(**b)).count();
    if name_start == end {
        return None;
    }
    suffixes.reverse();
    Some((format!("{}{}", &source[name_start..end], suffixes.concat()), name_start))
}

/// `['a']` as `.a` when the key is a plain name in quotes, else `[key]` as written.
fn subscript(inner: &str) -> String {
    let unquoted = inner
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .or_else(|| inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')));
    match unquoted {
        Some(key) if !key.is_empty() && key.bytes().all(is_name_byte) && !key.as_bytes()[0].is_ascii_digit() => {
            format!(".{key}")
        }
        _ => format!("[{inner}]"),
    }
}

/// The index of the bracket that opens the one closing at `close` (`]` or `)`), skipping
/// over quoted strings; `None` when it is not found on the way back.
fn matching_open(bytes: &[u8], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = close + 1;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b']' | b')' => depth += 1,
            b'[' | b'(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            quote @ (b'\'' | b'"' | b'`') => {
                // Back to the opening quote.
                i = bytes[..i].iter().rposition(|b| *b == quote)?;
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

fn skip_space_back(bytes: &[u8], mut at: usize) -> usize {
    while at > 0 && matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r') {
        at -= 1;
    }
    at
}

/// ASCII name characters, and any byte of a non-ASCII character (names may use them).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(source: &str, line: u32, column: u32) -> Option<String> {
        super::named("not a function", Location { line, column }, source).map(|(message, _)| message)
    }

    #[test]
    fn names_the_callee_as_node_does() {
        assert_eq!(named("  api.user.setRoles(['x']);", 1, 12).as_deref(), Some("api.user.setRoles is not a function"));
        assert_eq!(named("f();", 1, 1).as_deref(), Some("f is not a function"));
        assert_eq!(named("o['a'].c();", 1, 8).as_deref(), Some("o.a.c is not a function"));
        assert_eq!(named("o[key].c();", 1, 8).as_deref(), Some("o[key].c is not a function"));
        assert_eq!(named("get().c();", 1, 7).as_deref(), Some("get(...).c is not a function"));
        assert_eq!(named("o?.a.b(1)", 1, 6).as_deref(), Some("o?.a.b is not a function"));
        assert_eq!(named("x\n  .then(a)\n  .done()", 3, 4).as_deref(), Some("x.then(...).done is not a function"));
        assert_eq!(named("o[\"x)\"].c()", 1, 9).as_deref(), Some("o[\"x)\"].c is not a function"));
    }

    #[test]
    fn reads_back_from_the_arguments_to_the_call() {
        // QuickJS's position is the last name it evaluated: here an argument.
        let source = "  api.user.setRoles(roles);";
        assert_eq!(
            super::named("not a function", Location { line: 1, column: 21 }, source),
            Some(("api.user.setRoles is not a function".to_owned(), Location { line: 1, column: 12 }))
        );
        let source = "f(event.user.id, [a, { b }], 'x)')";
        assert_eq!(named(source, 1, 25).as_deref(), Some("f is not a function"));
        assert_eq!(named("if (x) y;", 1, 5), None);
    }

    #[test]
    fn leaves_what_it_cannot_read() {
        assert_eq!(named("f();", 2, 1), None);
        assert_eq!(named("f();", 1, 40), None);
        assert_eq!(named("(1)();", 1, 1), None);
        assert_eq!(super::named("x is not defined", Location { line: 1, column: 1 }, "x"), None);
        assert_eq!(
            super::named("not a constructor", Location { line: 1, column: 5 }, "new o.a()"),
            Some(("o.a is not a constructor".to_owned(), Location { line: 1, column: 5 }))
        );
    }
}
