//! Text bound for a terminal: control and bidirectional-override characters shown
//! visibly (`\u{1b}`), as `ls -b` does, so that a label or a value typed by someone else
//! cannot move the cursor, retitle the window or reorder what a reader sees.
//!
//! One function decides what is escaped ([`needs_escape`]); [`escape`] applies it to a
//! string and [`Escaping`] to a whole output stream. JSON and Markdown outputs do not
//! pass through here: they are for programs and pages, not terminals (JSON escapes the
//! C0 controls; the Markdown filters drop control characters). Depends on nothing else.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` is shown as `\u{..}` instead of being printed: C0 controls other than
/// line feed and tab, DEL, C1 controls, and the characters that change the direction
/// or embedding of text (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
pub fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character that [`needs_escape`] shown as `\u{..}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    if needs_escape(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// `text` followed by spaces up to `width` characters, for columns. Unlike a format
/// width (`{:<w$}`), which panics past 65,535, any width a rule file implies works.
pub fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    let mut out = String::with_capacity(text.len() + width.saturating_sub(len));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    out
}

/// A writer that escapes what [`needs_escape`] names on its way to `inner`. Bytes that
/// are not UTF-8 are shown as `\x..`; a character split across two writes is held back
/// until its rest arrives.
pub struct Escaping<'a> {
    inner: &'a mut dyn Write,
    /// The start of a character whose remaining bytes have not been written yet.
    pending: Vec<u8>,
}

impl<'a> Escaping<'a> {
    /// Escapes everything written on the way to `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Escaping<'a> {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => return self.inner.write_all(escape(text).as_bytes()),
                Err(e) => {
                    let (valid, rest) = bytes.split_at(e.valid_up_to());
                    // Checked just above: the prefix is UTF-8.
                    let text = std::str::from_utf8(valid).unwrap_or_default();
                    self.inner.write_all(escape(text).as_bytes())?;
                    match e.error_len() {
                        Some(n) => {
                            for b in &rest[..n] {
                                write!(self.inner, "\\x{b:02x}")?;
                            }
                            bytes = &rest[n..];
                        }
                        None => {
                            self.pending.extend_from_slice(rest);
                            return Ok(());
                        }
                    }
                }
            }
        }
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_ascii()
            && self.pending.is_empty()
            && !buf.iter().any(|&b| needs_escape(b as char))
        {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        if self.pending.is_empty() {
            self.write_text(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_text(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Escaping<'_> {
    fn drop(&mut self) {
        // An incomplete character at the very end is not UTF-8: show its bytes.
        for b in std::mem::take(&mut self.pending) {
            let _ = write!(self.inner, "\\x{b:02x}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(input: &str, expected: &str) {
        assert_eq!(escape(input), expected, "{input:?}");
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out);
            // Byte by byte: characters arrive split across writes.
            for b in input.as_bytes() {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            expected,
            "{input:?} streamed"
        );
    }

    #[test]
    fn controls_and_bidi_overrides_are_shown_not_obeyed() {
        case("Transfer approved", "Transfer approved");
        case("line\nnext\tcol", "line\nnext\tcol");
        case("\u{1b}]0;PWNED\u{7}", "\\u{1b}]0;PWNED\\u{7}");
        case("a\rb", "a\\u{d}b");
        case("evil\u{202e}txt.exe", "evil\\u{202e}txt.exe");
        case("\u{9b}31m C1", "\\u{9b}31m C1");
        case("del\u{7f}", "del\\u{7f}");
        case("Überweisung – ok", "Überweisung – ok");
    }

    #[test]
    fn columns_of_any_width_are_padded() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abc", 2), "abc");
        assert_eq!(pad("é", 2), "é ");
        assert_eq!(pad("", 70_000).len(), 70_000);
    }

    #[test]
    fn bytes_that_are_not_text_are_shown_as_hex() {
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out);
            w.write_all(b"a\xffb\xe2\x82").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a\\xffb\\xe2\\x82");
    }
}
