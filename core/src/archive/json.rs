//! JSON arrays of records, each kept as its raw text with the line and column it starts on,
//! so a broken record is reported at its place and the records around it are still read.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

use jiff::Timestamp;

use super::{
    ArchiveError, ArchiveFormat, RecordError, RecordErrorKind, RecordLocator, wrong_shape,
};
use crate::policy::{Localized, localized};
use crate::serde_errors::describe;

/// One record of a JSON array.
#[derive(Debug)]
pub(super) struct Element<'a> {
    /// The record's JSON text.
    pub raw: &'a str,
    pub locator: RecordLocator,
    /// 1-based line and column where the record starts.
    pub start: (usize, usize),
}

impl<'a> Element<'a> {
    /// Parses the record into the format's type; an error is located in the file.
    pub fn parse<T: Deserialize<'a>>(&self, format: ArchiveFormat) -> Result<T, RecordError> {
        serde_json::from_str(self.raw)
            .map_err(|e| RecordError::json(self.locator, &e, self.start, format_label(format)))
    }

    /// A value nested in this record (X's `{"tweet": {…}}`), as a record of its own place.
    pub fn nested(&self, inner: &'a RawValue) -> Element<'a> {
        let raw = inner.get();
        let offset = (raw.as_ptr() as usize)
            .saturating_sub(self.raw.as_ptr() as usize)
            .min(self.raw.len());
        let before = self.raw.get(..offset).unwrap_or_default();
        let start = match before.rsplit_once('\n') {
            None => (self.start.0, self.start.1 + before.chars().count()),
            Some((above, last_line)) => (
                self.start.0 + above.matches('\n').count() + 1,
                last_line.chars().count() + 1,
            ),
        };
        Element {
            raw,
            locator: self.locator,
            start,
        }
    }
}

impl Element<'_> {
    /// A time stamp in unix seconds (Meta exports), or an error at this record.
    pub fn unix_time(&self, seconds: i64, field: &str) -> Result<Timestamp, RecordError> {
        Timestamp::from_second(seconds).map_err(|_| {
            RecordError::new(
                self.locator,
                RecordErrorKind::InvalidTime,
                localized!(
                    de: "`{field}` {seconds} ist kein gültiger zeitpunkt",
                    en: "`{field}` {seconds} is not a valid point in time",
                ),
                Localized::new(
                    "erwartet: sekunden seit 1970 (unix-zeit), wie der export sie schreibt",
                    "expected: seconds since 1970 (unix time), as the export writes them",
                ),
            )
        })
    }
}

fn format_label(format: ArchiveFormat) -> &'static str {
    match format {
        ArchiveFormat::Facebook => "Facebook",
        ArchiveFormat::Instagram => "Instagram",
        ArchiveFormat::X => "X",
        ArchiveFormat::Mastodon => "Mastodon",
        ArchiveFormat::Jsonl | ArchiveFormat::Csv => "JSON",
    }
}

/// The elements of the JSON array `text`, which starts at `offset` bytes into `whole`
/// (after a prefix such as X's `window.YTD.tweets.part0 = `).
pub(super) fn elements<'a>(
    whole: &'a str,
    text: &'a str,
    format: ArchiveFormat,
) -> Result<Vec<Element<'a>>, ArchiveError> {
    if !text.trim_start().starts_with('[') {
        return Err(wrong_shape(
            format,
            Localized::new("keine JSON-liste", "not a JSON list"),
        ));
    }
    let raws: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        let mut error = ArchiveError::json(&e, &format.expected());
        error.position = error
            .position
            .map(|(line, column)| shift(whole, text, (line, column)));
        error
    })?;
    Ok(locate(whole, raws.into_iter().map(RawValue::get)))
}

/// Numbers records and finds the line and column each starts on, in one pass over `whole`.
pub(super) fn locate<'a>(whole: &'a str, raws: impl Iterator<Item = &'a str>) -> Vec<Element<'a>> {
    let base = whole.as_ptr() as usize;
    let (mut line, mut line_start, mut scanned) = (1, 0, 0);
    raws.enumerate()
        .map(|(index, raw)| {
            // Raw values borrow from `whole`, so their address gives their offset.
            let offset = (raw.as_ptr() as usize)
                .saturating_sub(base)
                .min(whole.len());
            let gap = whole.get(scanned..offset).unwrap_or_default();
            for (i, byte) in gap.bytes().enumerate() {
                if byte == b'\n' {
                    line += 1;
                    line_start = scanned + i + 1;
                }
            }
            scanned = offset.max(scanned);
            let column = whole
                .get(line_start..offset)
                .map_or(1, |before| before.chars().count() + 1);
            Element {
                raw,
                locator: RecordLocator {
                    record: index + 1,
                    line: Some(line),
                },
                start: (line, column),
            }
        })
        .collect()
}

/// Moves a position inside `text` to a position inside `whole`, of which `text` is the end.
fn shift(whole: &str, text: &str, (line, column): (usize, usize)) -> (usize, usize) {
    let prefix = &whole[..whole.len() - text.len()];
    let prefix_lines = prefix.matches('\n').count();
    if line == 1 {
        let last_line = prefix.rsplit('\n').next().unwrap_or_default();
        (1 + prefix_lines, column + last_line.chars().count())
    } else {
        (line + prefix_lines, column)
    }
}

/// What a JSON array's first element says about the export it comes from. An empty list
/// is read by the file name (Instagram's `posts_1.json`), else as Facebook: no records
/// either way. `Err(Some(why))` when the text is no JSON list of objects, `Err(None)` when
/// its first entry has none of the fields of a list format.
pub(super) fn detect_array(
    file_name: &str,
    text: &[u8],
) -> Result<ArchiveFormat, Option<Localized>> {
    #[derive(Deserialize)]
    struct Fields {
        tweet: Option<IgnoredAny>,
        full_text: Option<IgnoredAny>,
        media: Option<IgnoredAny>,
        timestamp: Option<IgnoredAny>,
        data: Option<IgnoredAny>,
        attachments: Option<IgnoredAny>,
    }
    let items = serde_json::from_slice::<Vec<&RawValue>>(text).map_err(|error| {
        let described = describe(&error.to_string(), "JSON").message;
        let line = error.line();
        Some(Localized::new(
            format!("keine gültige JSON-Liste (Zeile {line}: {})", described.de),
            format!("not a valid JSON list (line {line}: {})", described.en),
        ))
    })?;
    let Some(first) = items.first() else {
        let lowered = file_name.to_ascii_lowercase();
        return Ok(
            if lowered.contains("instagram") || lowered.ends_with("posts_1.json") {
                ArchiveFormat::Instagram
            } else {
                ArchiveFormat::Facebook
            },
        );
    };
    let fields: Fields = serde_json::from_str(first.get()).map_err(|_| {
        Some(Localized::new(
            "der erste Eintrag der Liste ist kein JSON-Objekt",
            "the list's first entry is not a JSON object",
        ))
    })?;
    if fields.tweet.is_some() || fields.full_text.is_some() {
        Ok(ArchiveFormat::X)
    } else if fields.timestamp.is_some() || fields.data.is_some() || fields.attachments.is_some() {
        Ok(ArchiveFormat::Facebook)
    } else if fields.media.is_some() {
        Ok(ArchiveFormat::Instagram)
    } else {
        Err(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_know_the_line_and_column_they_start_on() {
        let whole = "x = [\n  {\"a\": 1},\n  {\"b\": 2}, {\"c\": 3}\n]";
        let text = &whole[4..];
        let found = elements(whole, text, ArchiveFormat::X).unwrap();
        let starts: Vec<_> = found.iter().map(|e| e.start).collect();
        assert_eq!(starts, [(2, 3), (3, 3), (3, 13)]);
        assert_eq!(found[2].raw, "{\"c\": 3}");
        assert_eq!(found[2].locator.record, 3);
    }

    #[test]
    fn syntax_errors_are_placed_in_the_whole_file() {
        let whole = "x = [{\"a\": }]";
        let error = elements(whole, &whole[4..], ArchiveFormat::X).unwrap_err();
        assert_eq!(error.position, Some((1, 12)));
    }
}
