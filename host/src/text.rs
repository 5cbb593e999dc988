//! Small text helpers: bounded strings, and text made safe to show.

/// Cuts `text` to at most `max` bytes on a character boundary, marking the cut.
pub fn truncate(mut text: String, max: usize) -> String {
    const MARK: &str = "…[truncated]";
    if text.len() > max {
        let mut end = max.saturating_sub(MARK.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push_str(MARK);
    }
    text
}

/// Whether `c` must not reach a terminal or a stored log as it is: a control character,
/// the line or paragraph separator (U+2028, U+2029), or a bidirectional control (U+061C,
/// U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which could forge a line or
/// reorder what a reader sees.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [unsafe character](is_unsafe_char) written visibly: `\n`, `\r`, `\t`
/// (unless `keep_tabs`), others as `\u{1b}`. Borrowed when nothing needs escaping.
pub fn escape_for_display(text: &str, keep_tabs: bool) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| is_unsafe_char(c) && !(keep_tabs && c == '\t');
    if !text.chars().any(escaped) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !escaped(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.into()
}

/// A time as an ISO 8601 UTC timestamp with milliseconds: `2026-11-22T10:00:00.000Z`.
pub fn iso8601(time: std::time::SystemTime) -> String {
    let since_epoch = time.duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let (days, seconds) = ((since_epoch.as_secs() / 86_400) as i64, since_epoch.as_secs() % 86_400);
    // Days to a civil date (proleptic Gregorian calendar, eras of 400 years).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60,
        since_epoch.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn unsafe_characters_are_escaped() {
        let text = "a\nb\u{1b}[31m\u{2028}\u{202e}\u{2069}\tc";
        assert_eq!(super::escape_for_display(text, false), "a\\nb\\u{1b}[31m\\u{2028}\\u{202e}\\u{2069}\\tc");
        assert_eq!(super::escape_for_display("a\tb", true), "a\tb");
        assert!(matches!(super::escape_for_display("plain é", false), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn iso8601_formats_known_instants() {
        assert_eq!(super::iso8601(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        // 2024-02-29T12:34:56.789Z, a leap day.
        let leap = UNIX_EPOCH + Duration::from_millis(1_709_210_096_789);
        assert_eq!(super::iso8601(leap), "2024-02-29T12:34:56.789Z");
    }
}
