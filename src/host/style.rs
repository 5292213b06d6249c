//! Colour for text bound for a terminal: decisions, severities, codes, carets and help
//! in their colours, added line by line to text that is already escaped.
//!
//! It sits after [`Escaping`](super::terminal::Escaping): every control character
//! from a rule file or a command line has been made visible (`\u{1b}`) by the time a
//! line gets here, so the only escape sequences that reach the terminal are the styles
//! written below. Off, it passes bytes straight through. Depends on anstyle only.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

/// Which text a stream carries, so the right words are coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// Standard error: diagnostics (`error[PR010]`, carets, `= help:`), `error:` lines.
    Diagnostics,
    /// Standard output for people: answers (`allow:`), the table's cells, `ok`/`FAILED`.
    Answers,
}

const ERROR: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const WARNING: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const ALLOW: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const HELP: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const GUTTER: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));

/// A writer that colours whole lines on their way to `inner`, or passes them through.
pub struct Styled<'a> {
    inner: &'a mut dyn Write,
    palette: Option<Palette>,
    /// The line written so far.
    line: Vec<u8>,
    /// The severity of the last diagnostic heading, for its carets.
    caret: Style,
}

impl<'a> Styled<'a> {
    /// Colours what is written to `inner` with `palette`; `None` writes it unchanged.
    pub fn new(inner: &'a mut dyn Write, palette: Option<Palette>) -> Styled<'a> {
        Styled {
            inner,
            palette,
            line: Vec::new(),
            caret: ERROR,
        }
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let Some(palette) = self.palette else {
            return self.inner.write_all(line);
        };
        // Escaped text is UTF-8 (bytes that were not are shown as `\x..`).
        let Ok(text) = std::str::from_utf8(line) else {
            return self.inner.write_all(line);
        };
        let styled = match palette {
            Palette::Diagnostics => self.diagnostic(text),
            Palette::Answers => answer(text),
        };
        self.inner.write_all(styled.as_bytes())
    }

    fn diagnostic(&mut self, line: &str) -> String {
        for (word, style) in [("error", ERROR), ("warning", WARNING)] {
            // `FILE:LINE:COL: error[PR010]: ...`
            if let Some(at) = line.find(&format!("{word}[P")) {
                let end = line[at..].find("]: ").map_or(line.len(), |e| at + e + 1);
                self.caret = style;
                return format!("{}{}", &line[..at], paint(&line[at..end], style)) + &line[end..];
            }
            // `error: 3 problems in FILE`, `error: cannot read ...`
            if let Some(rest) = line.strip_prefix(&format!("{word}:")) {
                return format!("{}:{rest}", paint(word, style));
            }
        }
        if let Some(rest) = line.strip_prefix("  = help:") {
            return format!("  = {}:{rest}", paint("help", HELP));
        }
        // A source line or the caret line under it: `12 |     lable: Open`.
        if let Some(bar) = line.find('|')
            && line[..bar].ends_with(' ')
            && line[..bar].trim().chars().all(|c| c.is_ascii_digit())
            && line[bar + 1..].starts_with([' ', '\n'])
        {
            let (gutter, rest) = line.split_at(bar + 1);
            let rest = match rest.trim_start().strip_prefix('^') {
                Some(_) if rest.trim().chars().all(|c| c == '^') => {
                    let indent = rest.len() - rest.trim_start().len();
                    let carets = rest.trim_end();
                    format!(
                        "{}{}{}",
                        &rest[..indent],
                        paint(&carets[indent..], self.caret),
                        &rest[carets.len()..]
                    )
                }
                _ => rest.to_string(),
            };
            return format!("{}{rest}", paint(gutter, GUTTER));
        }
        line.to_string()
    }
}

/// An answer line: the decision that opens it, or the cells of a table row.
fn answer(line: &str) -> String {
    for (word, style) in [
        ("allow:", ALLOW),
        ("deny:", ERROR),
        ("limited:", WARNING),
        ("ok ", ALLOW),
        ("FAILED ", ERROR),
        ("warning:", WARNING),
    ] {
        if let Some(rest) = line.strip_prefix(word) {
            let bare = word.trim_end_matches([':', ' ']);
            return format!(
                "{}{}",
                paint(bare, style),
                &line[bare.len()..line.len() - rest.len()]
            ) + rest;
        }
    }
    // A table row: its cells are the words `allow`, `deny` and `limited`.
    let body = line.trim_end_matches('\n');
    let mut out = String::with_capacity(line.len());
    for (i, part) in body.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A cell with a note has a `*` after its word.
        let word = part.trim_end_matches('*');
        let style = match word {
            "allow" => Some(ALLOW),
            "deny" => Some(ERROR),
            "limited" => Some(WARNING),
            _ => None,
        };
        match style {
            Some(style) => {
                out.push_str(&paint(word, style));
                out.push_str(&part[word.len()..]);
            }
            None => out.push_str(part),
        }
    }
    out.push_str(&line[body.len()..]);
    out
}

fn paint(text: &str, style: Style) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

impl Write for Styled<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.palette.is_none() {
            return self.inner.write(buf);
        }
        let mut rest = buf;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            let (head, tail) = rest.split_at(end + 1);
            if self.line.is_empty() {
                self.write_line(head)?;
            } else {
                let mut line = std::mem::take(&mut self.line);
                line.extend_from_slice(head);
                self.write_line(&line)?;
            }
            rest = tail;
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.write_line(&line)?;
        }
        self.inner.flush()
    }
}

impl Drop for Styled<'_> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(palette: Palette, text: &str) -> String {
        let mut out = Vec::new();
        {
            let mut w = Styled::new(&mut out, Some(palette));
            // Byte by byte: lines arrive split across writes.
            for b in text.as_bytes() {
                w.write_all(std::slice::from_ref(b)).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    /// The text without its styles.
    fn plain(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn colour_only_adds_styles() {
        let diagnostics = "x.yaml:12:5: error[PR010]: unknown key `lable`\n   |\n12 |     lable: Open\n   |     ^^^^^\n  = help: did you mean `label`?\n\nerror: 1 problem in x.yaml\n";
        let answers = "deny: Error × View\nreason: View is not allowed\nTransfer approved   allow  limited (foc_date)*  deny*\nError   deny   allow\nok      a: allow\nFAILED  b: expected allow\n";
        for (palette, text) in [
            (Palette::Diagnostics, diagnostics),
            (Palette::Answers, answers),
        ] {
            let out = styled(palette, text);
            assert_eq!(plain(&out), text);
            assert!(out.contains('\u{1b}'), "{out}");
        }
        let out = styled(Palette::Diagnostics, diagnostics);
        assert!(out.contains(&paint("error[PR010]", ERROR)), "{out:?}");
        assert!(out.contains(&paint("^^^^^", ERROR)), "{out:?}");
        assert!(out.contains(&paint("help", HELP)), "{out:?}");
        let out = styled(Palette::Answers, answers);
        assert!(out.starts_with(&paint("deny", ERROR)), "{out:?}");
        assert!(out.contains(&paint("deny", ERROR)) && out.contains(&paint("limited", WARNING)));
        assert!(!out.contains(&paint("allowed", ALLOW)), "only whole cells");
        assert!(
            out.contains(&format!("{}\n", paint("allow", ALLOW))),
            "the last cell too"
        );
    }

    #[test]
    fn off_is_a_plain_pass_through() {
        let mut out = Vec::new();
        Styled::new(&mut out, None)
            .write_all(b"deny: x\nerror[PR010]")
            .unwrap();
        assert_eq!(out, b"deny: x\nerror[PR010]");
    }
}
