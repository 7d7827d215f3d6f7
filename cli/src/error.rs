//! Errors that stop a command (exit code 2) and how they are shown.
//!
//! Every error is one lowercase line plus a `hilfe:`/`help:` line. Errors with a place in a
//! file (policy, JSON draft, history) also show the offending line, rendered like the
//! diagnostics of a check.

use std::io;

use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
use freigabe::{InputError, Lang, PolicyError};

use crate::lang::tr;

/// A place in a source file, for rendering an error with its line.
#[derive(Debug, Clone)]
pub struct Located {
    /// File name as the user gave it.
    pub file: String,
    /// The whole file text.
    pub source: String,
    /// Byte range to underline.
    pub span: std::ops::Range<usize>,
}

/// An error that ends the command with exit code 2.
#[derive(Debug, Clone)]
pub struct CliError {
    /// Short machine-readable kind (`unknown-key`, `invalid-draft`, `io`…), shown as id.
    pub kind: &'static str,
    /// One lowercase line.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Where, if the error has a place in a file (boxed: errors travel in every `Result`).
    pub location: Option<Box<Located>>,
    /// Errors found with this one, shown after it (every error of a policy file at once).
    pub also: Vec<CliError>,
}

impl CliError {
    /// An error without a place in a file.
    pub fn new(kind: &'static str, message: String, help: Option<String>) -> CliError {
        CliError {
            kind,
            message,
            help,
            location: None,
            also: Vec::new(),
        }
    }

    /// A policy that cannot be loaded or compiled, with every error found in the same run.
    pub fn from_policy(error: &PolicyError, lang: Lang) -> CliError {
        let mut first = CliError::one_policy_error(error, lang);
        first.also = error
            .also
            .iter()
            .map(|error| CliError::one_policy_error(error, lang))
            .collect();
        first
    }

    fn one_policy_error(error: &PolicyError, lang: Lang) -> CliError {
        let (message, location) = match &error.location {
            Some(location) => (
                error.message.get(lang).to_owned(),
                Some(Box::new(Located {
                    file: location.file.clone(),
                    source: location.source.to_string(),
                    span: location.span.clone(),
                })),
            ),
            // Without a place the file name is the only context; keep it in the headline.
            None => (error.headline(lang), None),
        };
        CliError {
            kind: error.kind.as_str(),
            message,
            help: error.help.as_ref().map(|h| h.get(lang).to_owned()),
            location,
            also: Vec::new(),
        }
    }

    /// A draft or history that cannot be checked. `source` is the input text, if the error
    /// may have a line and column in it.
    pub fn from_input(
        error: &InputError,
        lang: Lang,
        file: &str,
        source: Option<&str>,
    ) -> CliError {
        let help = error.help.as_ref().map(|h| h.get(lang).to_owned());
        let located = error.position.zip(source).map(|((line, column), source)| {
            Box::new(Located {
                file: file.to_owned(),
                source: source.to_owned(),
                span: token_at(source, byte_offset(source, line, column)),
            })
        });
        let message = match (&located, error.position) {
            (Some(_), _) => error.message.get(lang).to_owned(),
            (None, Some(_)) => format!("{file}:{}", error.headline(lang)),
            (None, None) => error.message.get(lang).to_owned(),
        };
        CliError {
            kind: error.kind.as_str(),
            message,
            help,
            location: located,
            also: Vec::new(),
        }
    }

    /// A file that cannot be read.
    pub fn io(what: Input, path: &str, error: &io::Error, lang: Lang) -> CliError {
        let reason = describe_io(error, lang);
        let message = match what {
            Input::Draft => tr(
                lang,
                format!("Entwurf `{path}` kann nicht gelesen werden: {reason}"),
                format!("cannot read draft `{path}`: {reason}"),
            ),
            Input::History => tr(
                lang,
                format!("Historie `{path}` kann nicht gelesen werden: {reason}"),
                format!("cannot read history `{path}`: {reason}"),
            ),
            Input::Archive => tr(
                lang,
                format!("Archiv `{path}` kann nicht gelesen werden: {reason}"),
                format!("cannot read archive `{path}`: {reason}"),
            ),
            Input::Text => tr(
                lang,
                format!("Text `{path}` kann nicht gelesen werden: {reason}"),
                format!("cannot read text `{path}`: {reason}"),
            ),
        };
        let help = if error.kind() == io::ErrorKind::InvalidData {
            tr(
                lang,
                "Die Datei als UTF-8 speichern",
                "save the file as UTF-8",
            )
        } else {
            tr(
                lang,
                "Pfad prüfen oder `-` für die Standardeingabe angeben",
                "check the path, or pass `-` for standard input",
            )
        };
        CliError::new("io", message, Some(help))
    }

    /// Renders the error and those found with it for stderr with annotate-snippets
    /// (styled; the caller's stream strips colour where it is not wanted), then how many
    /// there were when there is more than one.
    pub fn render(&self, lang: Lang) -> String {
        let renderer = crate::human::renderer();
        let errors: Vec<&CliError> = std::iter::once(self).chain(&self.also).collect();
        let mut out = errors
            .iter()
            .map(|error| renderer.render(&[error.group(lang)]))
            .collect::<Vec<_>>()
            .join("\n\n");
        if errors.len() > 1 {
            let count = errors.len();
            out.push_str(&tr(
                lang,
                format!("\n\n{count} Fehler"),
                format!("\n\n{count} errors"),
            ));
        }
        out
    }

    fn group(&self, lang: Lang) -> Group<'_> {
        let level = Level::ERROR.with_name(tr(lang, "Fehler", "error"));
        let help_level = Level::HELP.with_name(tr(lang, "Hilfe", "help"));
        let title = level.primary_title(self.message.as_str()).id(self.kind);
        let mut group = match &self.location {
            Some(located) => title.element(
                Snippet::source(located.source.as_str())
                    .path(located.file.as_str())
                    .line_start(1)
                    .annotation(AnnotationKind::Primary.span(located.span.clone())),
            ),
            None => Group::with_title(title),
        };
        if let Some(help) = &self.help {
            group = group.element(help_level.message(help.as_str()));
        }
        group
    }
}

/// Which kind of input failed to read, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A draft for `check`.
    Draft,
    /// The history file.
    History,
    /// The archive for `batch`.
    Archive,
    /// The text for `count`.
    Text,
}

/// A short lowercase reason for an I/O error, without OS error numbers.
pub fn describe_io(error: &io::Error, lang: Lang) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => tr(lang, "Datei nicht gefunden", "file not found"),
        io::ErrorKind::PermissionDenied => tr(lang, "keine Berechtigung", "permission denied"),
        io::ErrorKind::IsADirectory => tr(lang, "ist ein Verzeichnis", "is a directory"),
        io::ErrorKind::InvalidData => tr(lang, "kein gültiges UTF-8", "not valid UTF-8"),
        _ => {
            let text = error.to_string();
            let mut chars = text.chars();
            chars.next().map_or(text.clone(), |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// The span to underline for a JSON error at `offset`: serde_json points at the last
/// character it read, which for a key or string is its closing quote, so the whole string
/// is underlined; otherwise the one character.
fn token_at(source: &str, offset: usize) -> std::ops::Range<usize> {
    let Some(ch) = source[offset..].chars().next() else {
        return offset..offset;
    };
    let end = offset + ch.len_utf8();
    if ch != '"' {
        return offset..end;
    }
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..offset];
    // The opening quote: the last `"` before this one that is not escaped.
    let opening = before
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == '"')
        .map(|(i, _)| i)
        .find(|&i| before[..i].chars().rev().take_while(|&c| c == '\\').count() % 2 == 0);
    match opening {
        Some(i) => line_start + i..end,
        None => offset..end,
    }
}

/// Byte offset of a 1-based line and column (serde_json counts columns in bytes), clamped
/// to the text and moved back to a character boundary.
fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let line_start = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line_len = source[line_start..]
        .find('\n')
        .unwrap_or(source.len() - line_start);
    let mut offset = line_start + column.saturating_sub(1).min(line_len);
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_underlined_from_quote_to_quote() {
        let source = "{\"text\": \"a\",\n \"platfroms\": 1}";
        let closing = source.find("\": 1").unwrap();
        assert_eq!(&source[token_at(source, closing)], "\"platfroms\"");
        let escaped = r#"{"a\"b": 1}"#;
        let closing = escaped.find("\": 1").unwrap();
        assert_eq!(&escaped[token_at(escaped, closing)], r#""a\"b""#);
        // Anything else: the one character.
        assert_eq!(&source[token_at(source, source.len() - 2)], "1");
    }

    #[test]
    fn byte_offset_counts_lines_and_clamps() {
        let source = "ab\ncdé\n";
        assert_eq!(byte_offset(source, 1, 1), 0);
        assert_eq!(byte_offset(source, 2, 2), 4);
        // Past the end of the line stays on the line.
        assert_eq!(byte_offset(source, 2, 99), 7);
        // Inside the two bytes of `é` moves back to its start.
        assert_eq!(byte_offset("é", 1, 2), 0);
    }
}
