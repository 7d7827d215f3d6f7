//! Errors of archive reading: a whole file that cannot be read ([`ArchiveError`]) and one
//! record that cannot be turned into a draft ([`RecordError`]), which never stops the others.

use std::fmt;

use crate::error::{InputError, InputErrorKind, located_headline};
use crate::lang::Lang;
use crate::policy::{Localized, localized};
use crate::serde_errors::describe;

use super::RecordLocator;

/// What is wrong with a whole archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ArchiveErrorKind {
    /// The file has none of the known shapes, or not the shape of the format asked for.
    UnknownFormat,
    /// The file is not valid UTF-8 (JSON exports) or not valid JSON at all.
    Syntax,
    /// A CSV column the mapping needs is not in the header.
    MissingColumn,
    /// A reader option is invalid (format name, column mapping, time zone).
    InvalidOption,
    /// A record of a JSON export is larger than a record can be; the read stops there.
    RecordTooLarge,
    /// The input failed while it was read (a disk or pipe error).
    Read,
}

impl ArchiveErrorKind {
    /// A stable lowercase name, used by front ends as error id.
    pub fn as_str(self) -> &'static str {
        match self {
            ArchiveErrorKind::UnknownFormat => "unknown-archive-format",
            ArchiveErrorKind::Syntax => "invalid-archive",
            ArchiveErrorKind::MissingColumn => "missing-column",
            ArchiveErrorKind::InvalidOption => "invalid-option",
            ArchiveErrorKind::RecordTooLarge => "record-too-large",
            ArchiveErrorKind::Read => "io",
        }
    }
}

/// An archive that cannot be read at all, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveError {
    /// What kind of problem.
    pub kind: ArchiveErrorKind,
    /// One lowercase line.
    pub message: Localized,
    /// How to fix it.
    pub help: Option<Localized>,
    /// 1-based line and column in the file, where known.
    pub position: Option<(usize, usize)>,
}

impl ArchiveError {
    pub(crate) fn new(kind: ArchiveErrorKind, message: Localized, help: Localized) -> ArchiveError {
        ArchiveError {
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

    /// Invalid JSON for the whole file, located.
    pub(crate) fn json(error: &serde_json::Error, expected: &Localized) -> ArchiveError {
        let described = describe(&error.to_string(), "JSON");
        ArchiveError {
            kind: ArchiveErrorKind::Syntax,
            message: Localized::new(
                format!(
                    "Das Archiv ist kein gültiges JSON: {}",
                    described.message.de
                ),
                format!("archive is not valid JSON: {}", described.message.en),
            ),
            help: Some(Localized::new(
                format!("erwartet: {}", expected.de),
                format!("expected: {}", expected.en),
            )),
            position: (error.line() > 0).then(|| (error.line(), error.column())),
        }
    }
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(Lang::De))
    }
}

impl std::error::Error for ArchiveError {}

/// What is wrong with one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// A JSON Lines record is not a valid draft (same words as `freigabe check`).
    InvalidDraft,
    /// The record's text is larger than [`crate::MAX_DRAFT_BYTES`].
    TooLarge,
    /// A record of a platform export lacks a field or has one of the wrong type.
    InvalidRecord,
    /// A time stamp cannot be read.
    InvalidTime,
    /// A platform name is not known.
    UnknownPlatform,
    /// The record's bytes are not UTF-8.
    NotUtf8,
}

impl RecordErrorKind {
    /// A stable lowercase name, used by front ends in error rows.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordErrorKind::InvalidDraft => "invalid-draft",
            RecordErrorKind::TooLarge => "too-large",
            RecordErrorKind::InvalidRecord => "invalid-record",
            RecordErrorKind::InvalidTime => "invalid-time",
            RecordErrorKind::UnknownPlatform => "unknown-platform",
            RecordErrorKind::NotUtf8 => "not-utf8",
        }
    }
}

/// A record that cannot become a draft. The other records are read all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Which record.
    pub locator: RecordLocator,
    /// The record's own id (tweet id, status URL, `id` column), if it could be read.
    pub id: Option<String>,
    /// What kind of problem.
    pub kind: RecordErrorKind,
    /// One lowercase line.
    pub message: Localized,
    /// How to fix it (boxed: record errors travel in every record's `Result`).
    pub help: Option<Box<Localized>>,
    /// 1-based line and column of the problem in the file, where known.
    pub position: Option<(usize, usize)>,
}

impl RecordError {
    pub(crate) fn new(
        locator: RecordLocator,
        kind: RecordErrorKind,
        message: Localized,
        help: Localized,
    ) -> RecordError {
        RecordError {
            locator,
            id: None,
            kind,
            message,
            help: Some(Box::new(help)),
            position: locator.line.map(|line| (line, 1)),
        }
    }

    /// The same problem words as [`crate::wire::parse_draft`] gives, placed in the file.
    pub(crate) fn from_input(locator: RecordLocator, error: InputError) -> RecordError {
        let kind = match error.kind {
            InputErrorKind::TooLarge => RecordErrorKind::TooLarge,
            _ => RecordErrorKind::InvalidDraft,
        };
        RecordError {
            locator,
            id: None,
            kind,
            position: match (locator.line, error.position) {
                (Some(line), Some((_, column))) => Some((line, column)),
                (line, _) => line.map(|line| (line, 1)),
            },
            message: error.message,
            help: error.help.map(Box::new),
        }
    }

    /// A record of a JSON export whose fields do not fit the format. `start` is the record's
    /// own line and column in the file, so serde's position inside the record can be moved.
    pub(crate) fn json(
        locator: RecordLocator,
        error: &serde_json::Error,
        start: (usize, usize),
        format_name: &str,
    ) -> RecordError {
        let described = describe(&error.to_string(), "JSON");
        let position = match (error.line(), error.column()) {
            (0, _) => Some(start),
            (1, column) => Some((start.0, start.1 + column.saturating_sub(1))),
            (line, column) => Some((start.0 + line - 1, column)),
        };
        RecordError {
            locator,
            id: None,
            kind: RecordErrorKind::InvalidRecord,
            message: Localized::new(
                format!("Ungültiger Eintrag: {}", described.message.de),
                format!("invalid record: {}", described.message.en),
            ),
            help: Some(Box::new(described.help.unwrap_or_else(|| {
                localized!(
                    de: "Der Eintrag hat nicht die Form eines {format_name}-Beitrags",
                    en: "the record does not have the shape of a {format_name} post",
                )
            }))),
            position,
        }
    }

    pub(crate) fn with_id(mut self, id: Option<String>) -> RecordError {
        self.id = id;
        self
    }

    /// The message in `lang`, prefixed with `line:column:` or the record number.
    pub fn headline(&self, lang: Lang) -> String {
        if self.position.is_some() {
            return located_headline(self.position, &self.message, lang);
        }
        let record = self.locator.record;
        let prefix = match lang {
            Lang::En => format!("record {record}"),
            _ => format!("Eintrag {record}"),
        };
        format!("{prefix}: {}", self.message.get(lang))
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline(Lang::De))
    }
}

impl std::error::Error for RecordError {}
