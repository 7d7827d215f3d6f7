//! JSON Lines: one draft per line, read with [`crate::wire::parse_draft`] so a broken line
//! gets the same words as `freigabe check` gives for a broken draft.

use std::io::{BufRead, Read};

use super::{ArchiveError, RecordError, RecordErrorKind, RecordLocator, Records, read_error};
use crate::error::MAX_DRAFT_BYTES;
use crate::policy::Localized;
use crate::serde_errors::describe;

/// Bytes of a line kept in memory: a longer line is too large to be a draft anyway
/// ([`crate::wire::parse_draft`] refuses JSON over twice the text limit), and its rest is
/// only counted.
const LINE_LIMIT: usize = 2 * MAX_DRAFT_BYTES + 1;

/// Reads every non-blank line as a draft; blank lines are not records.
pub(super) fn read(mut input: impl BufRead, records: &mut Records<'_>) -> Result<(), ArchiveError> {
    let mut record = 0;
    let mut line = Vec::new();
    for index in 0.. {
        if records.stopped {
            break;
        }
        line.clear();
        let read = Read::take(&mut input, LINE_LIMIT as u64)
            .read_until(b'\n', &mut line)
            .map_err(|error| read_error(&error))?;
        if read == 0 {
            break;
        }
        let mut length = line.len();
        if line.last() == Some(&b'\n') {
            line.pop();
            length -= 1;
        } else if line.len() == LINE_LIMIT {
            length += skip_line(&mut input).map_err(|error| read_error(&error))?;
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        record += 1;
        let locator = RecordLocator {
            record,
            line: Some(index + 1),
        };
        let text = match std::str::from_utf8(&line) {
            Ok(text) => text,
            // The kept part of an overlong line may end inside a character.
            Err(error) if length > line.len() && error.error_len().is_none() => "",
            Err(_) => {
                records.error(RecordError::new(
                    locator,
                    RecordErrorKind::NotUtf8,
                    Localized::new(
                        "Die Zeile ist kein gültiges UTF-8",
                        "line is not valid UTF-8",
                    ),
                    Localized::new(
                        "Das Archiv als UTF-8 speichern",
                        "save the archive as UTF-8",
                    ),
                ));
                continue;
            }
        };
        let parsed = if length > line.len() {
            Err(crate::wire::too_large(length))
        } else {
            crate::wire::parse_draft(text)
        };
        match parsed {
            Ok(draft) => records.post(locator, draft),
            Err(error) => records.error(RecordError::from_input(locator, error)),
        }
    }
    Ok(())
}

/// Skips the rest of a line, newline included; returns its length without the newline.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(skipped);
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(skipped + end);
            }
            None => {
                let all = buffer.len();
                input.consume(all);
                skipped += all;
            }
        }
    }
}

/// Whether the first non-blank line is a whole JSON object (a draft per line), or why not,
/// for detection: pretty-printed JSON and a broken single-line file are not JSON Lines.
pub(super) fn probe(bytes: &[u8]) -> Result<(), Localized> {
    let first = bytes
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(first) {
        Ok(_) => Ok(()),
        Err(error) => {
            let described = describe(&error.to_string(), "JSON").message;
            Err(Localized::new(
                format!(
                    "Die erste Zeile ist kein vollständiges JSON-Objekt ({})",
                    described.de
                ),
                format!(
                    "the first line is not a whole JSON object ({})",
                    described.en
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::archive::{ArchiveFormat, ArchiveOptions, RecordErrorKind, read};
    use crate::lang::Lang;
    use crate::platform::Platform;

    #[test]
    fn a_broken_line_among_good_ones_is_one_error_in_place() {
        let archive = b"{\"id\": \"a\", \"text\": \"Hallo\"}\n\n{\"text\": \"kaputt\"\n\xff\n{\"text\": \"b\", \"account\": \"presse\"}\n";
        let options = ArchiveOptions {
            account: Some("stadt".into()),
            platform: Some(Platform::X),
            ..ArchiveOptions::default()
        };
        let archive = read("posts.jsonl", archive, &options).unwrap();
        assert_eq!(archive.format, ArchiveFormat::Jsonl);
        assert_eq!(archive.records.len(), 4);
        let first = archive.records[0].as_ref().unwrap();
        assert_eq!(first.draft.id.as_deref(), Some("a"));
        assert_eq!(first.draft.account.as_deref(), Some("stadt"));
        assert_eq!(first.draft.platforms, Some(vec![Platform::X]));
        let broken = archive.records[1].as_ref().unwrap_err();
        assert_eq!((broken.locator.record, broken.locator.line), (2, Some(3)));
        assert_eq!(broken.kind, RecordErrorKind::InvalidDraft);
        assert!(
            broken
                .message
                .get(Lang::De)
                .starts_with("Ungültiger Entwurf")
        );
        assert_eq!(broken.position.map(|p| p.0), Some(3));
        let not_utf8 = archive.records[2].as_ref().unwrap_err();
        assert_eq!(not_utf8.kind, RecordErrorKind::NotUtf8);
        assert_eq!(not_utf8.locator.line, Some(4));
        // The record's own account wins over the option.
        let last = archive.records[3].as_ref().unwrap();
        assert_eq!(last.draft.account.as_deref(), Some("presse"));
        assert_eq!(last.locator.line, Some(5));
    }

    /// A line longer than any draft is one too-large row, read without keeping it whole.
    #[test]
    fn an_overlong_line_is_one_too_large_error() {
        let long = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"b\"}}",
            "a".repeat(2 * crate::MAX_DRAFT_BYTES + 5)
        );
        let archive = read("posts.jsonl", long.as_bytes(), &ArchiveOptions::default()).unwrap();
        assert_eq!(archive.records.len(), 2);
        let error = archive.records[0].as_ref().unwrap_err();
        assert_eq!(error.kind, RecordErrorKind::TooLarge);
        let bytes = long.find('\n').unwrap();
        assert!(
            error
                .message
                .get(Lang::En)
                .starts_with(&format!("draft is {bytes} bytes"))
        );
        assert_eq!(archive.records[1].as_ref().unwrap().locator.line, Some(2));
    }
}
