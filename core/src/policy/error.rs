//! Policy errors: a kind, the file, the location, a snippet and a help line.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::config::Localized;
use crate::lang::Lang;

/// What went wrong with a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyErrorKind {
    /// Not valid TOML.
    Syntax,
    /// A key the format does not know (typo, unknown rule or platform).
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A value of the wrong type or out of range (negative limit, bad URL, unknown zone).
    InvalidValue,
    /// A reference to something the policy does not define (default account…).
    UnknownReference,
    /// `extends` points to a file that cannot be read, or the chain is a cycle.
    Extends,
    /// The policy file itself cannot be read.
    Read,
    /// The policy names a time zone whose data is not loaded yet (only in builds without
    /// the bundled time zone database, i.e. the WebAssembly package).
    TimeZoneData,
}

impl PolicyErrorKind {
    /// A stable lowercase name, used by bindings for error classes.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyErrorKind::Syntax => "syntax",
            PolicyErrorKind::UnknownKey => "unknown-key",
            PolicyErrorKind::MissingKey => "missing-key",
            PolicyErrorKind::InvalidValue => "invalid-value",
            PolicyErrorKind::UnknownReference => "unknown-reference",
            PolicyErrorKind::Extends => "extends",
            PolicyErrorKind::Read => "read",
            PolicyErrorKind::TimeZoneData => "time-zone-data",
        }
    }
}

/// Where in which file a policy error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLocation {
    /// The file name as given (or `<policy>` for a string).
    pub file: String,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The whole file text, so front ends can render the snippet their own way.
    pub source: Arc<str>,
}

impl SourceLocation {
    pub(crate) fn new(file: &str, source: Arc<str>, span: Range<usize>) -> SourceLocation {
        let start = crate::text::offsets::floor_boundary(&source, span.start);
        let end = crate::text::offsets::floor_boundary(&source, span.end.max(start));
        let before = &source[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SourceLocation {
            file: file.to_owned(),
            line: before.matches('\n').count() + 1,
            column: source[line_start..start].chars().count() + 1,
            span: start..end,
            source,
        }
    }

    /// The offending line with the span underlined by `^`, as plain text.
    pub fn snippet(&self) -> String {
        let line_start = self.source[..self.span.start]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = self.source[self.span.start..]
            .find('\n')
            .map_or(self.source.len(), |i| self.span.start + i);
        let line_text = self.source[line_start..line_end].trim_end_matches('\r');
        let underline_end = self
            .span
            .end
            .min(line_start + line_text.len())
            .max(self.span.start);
        let width = self.source[self.span.start..underline_end]
            .chars()
            .count()
            .max(1);
        let gutter = self.line.to_string();
        format!(
            "{pad} |\n{gutter} | {line_text}\n{pad} | {spaces}{carets}",
            pad = " ".repeat(gutter.len()),
            spaces = " ".repeat(self.column - 1),
            carets = "^".repeat(width),
        )
    }
}

/// A policy that cannot be used, with location and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// What kind of problem.
    pub kind: PolicyErrorKind,
    /// One lowercase line.
    pub message: Localized,
    /// How to fix it ("did you mean …").
    pub help: Option<Localized>,
    /// Where, if the problem has a place in a file.
    pub location: Option<Box<SourceLocation>>,
    /// The file the problem is in when there is no exact place.
    pub file: String,
    /// Further errors found in the same run, in file order after this one: a policy file
    /// is read whole, so every misspelt key or wrong value is reported at once.
    pub also: Box<[PolicyError]>,
}

impl PolicyError {
    pub(crate) fn new(kind: PolicyErrorKind, file: &str, message: Localized) -> PolicyError {
        PolicyError {
            kind,
            message,
            help: None,
            location: None,
            file: file.to_owned(),
            also: Box::default(),
        }
    }

    pub(crate) fn with_help(mut self, help: Localized) -> PolicyError {
        self.help = Some(help);
        self
    }

    pub(crate) fn with_location(mut self, location: Option<SourceLocation>) -> PolicyError {
        if let Some(location) = &location {
            self.file.clone_from(&location.file);
        }
        self.location = location.map(Box::new);
        self
    }

    /// One error for all of `errors`: duplicates (the same setting read for several
    /// accounts) once, in file order. `None` when there are none.
    pub(crate) fn gather(errors: Vec<PolicyError>) -> Option<PolicyError> {
        let mut all: Vec<PolicyError> = Vec::with_capacity(errors.len());
        for mut error in errors {
            let also = std::mem::take(&mut error.also);
            for error in std::iter::once(error).chain(also.into_vec()) {
                if !all.contains(&error) {
                    all.push(error);
                }
            }
        }
        all.sort_by(|a, b| a.place().cmp(&b.place()));
        let mut all = all.into_iter();
        let mut first = all.next()?;
        first.also = all.collect();
        Some(first)
    }

    /// File and byte offset, for ordering; errors without a place last in their file.
    fn place(&self) -> (&str, usize) {
        match &self.location {
            Some(location) => (location.file.as_str(), location.span.start),
            None => (self.file.as_str(), usize::MAX),
        }
    }

    /// This error and those found with it, in file order.
    pub fn all(&self) -> impl Iterator<Item = &PolicyError> {
        std::iter::once(self).chain(self.also.iter())
    }

    /// `file:line:column: message` in one line, in `lang`.
    pub fn headline(&self, lang: Lang) -> String {
        match &self.location {
            Some(l) => format!(
                "{}:{}:{}: {}",
                l.file,
                l.line,
                l.column,
                self.message.get(lang)
            ),
            None => format!("{}: {}", self.file, self.message.get(lang)),
        }
    }

    /// Headline, snippet and help of this error and of those found with it, as plain text
    /// in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.all()
            .map(|error| error.render_one(lang))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn render_one(&self, lang: Lang) -> String {
        let mut out = self.headline(lang);
        if let Some(location) = &self.location {
            out.push('\n');
            out.push_str(&location.snippet());
        }
        if let Some(help) = &self.help {
            out.push_str(match lang {
                Lang::De => "\nHilfe: ",
                Lang::En => "\nhelp: ",
            });
            out.push_str(help.get(lang));
        }
        out
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(Lang::De))
    }
}

impl std::error::Error for PolicyError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_underlines_the_span() {
        let source: Arc<str> = Arc::from("a = 1\nplatfroms = []\n");
        let location = SourceLocation::new("p.toml", source, 6..15);
        assert_eq!((location.line, location.column), (2, 1));
        assert_eq!(location.snippet(), "  |\n2 | platfroms = []\n  | ^^^^^^^^^");
    }
}
