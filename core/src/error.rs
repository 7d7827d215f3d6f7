//! Errors about a draft or its history (as opposed to the policy).

use std::fmt;

use crate::config::Localized;
use crate::lang::Lang;

/// Largest draft text the engine accepts. Real posts are at most a few thousand characters;
/// anything bigger is almost certainly a wrong field or file, and is refused before work.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

/// What is wrong with the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The draft (or history) is not valid JSON of the expected shape.
    InvalidDraft,
    /// The draft is larger than [`MAX_DRAFT_BYTES`].
    TooLarge,
    /// The draft names an account the policy does not define, or none can be chosen.
    UnknownAccount,
    /// A record of a data file (comments and replies) is not valid JSON of the expected
    /// shape.
    InvalidRecord,
}

impl InputErrorKind {
    /// A stable lowercase name, used by bindings for error classes.
    pub fn as_str(self) -> &'static str {
        match self {
            InputErrorKind::InvalidDraft => "invalid-draft",
            InputErrorKind::TooLarge => "too-large",
            InputErrorKind::UnknownAccount => "unknown-account",
            InputErrorKind::InvalidRecord => "invalid-record",
        }
    }
}

/// A draft that cannot be checked, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// What kind of problem.
    pub kind: InputErrorKind,
    /// One lowercase line.
    pub message: Localized,
    /// How to fix it.
    pub help: Option<Localized>,
    /// 1-based line and column in the JSON input, where known.
    pub position: Option<(usize, usize)>,
}

impl InputError {
    pub(crate) fn new(kind: InputErrorKind, message: Localized, help: Localized) -> InputError {
        InputError {
            kind,
            message,
            help: Some(help),
            position: None,
        }
    }

    /// The message in `lang`, prefixed with `line:column:` where known.
    pub fn headline(&self, lang: Lang) -> String {
        located_headline(self.position, &self.message, lang)
    }
}

/// A message in `lang`, prefixed with `line:column:` where the position is known: the one
/// way input and archive errors name their place.
pub(crate) fn located_headline(
    position: Option<(usize, usize)>,
    message: &Localized,
    lang: Lang,
) -> String {
    match position {
        Some((line, column)) => format!("{line}:{column}: {}", message.get(lang)),
        None => message.get(lang).to_owned(),
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(Lang::De))
    }
}

impl std::error::Error for InputError {}
