//! JSON Lines: one draft per line, read with [`crate::wire::parse_draft`] so a broken line
//! gets the same words as `freigabe check` gives for a broken draft.

use super::{RecordError, RecordErrorKind, RecordLocator, Records};
use crate::policy::Localized;
use crate::serde_errors::describe;

/// Reads every non-blank line as a draft; blank lines are not records.
pub(super) fn read(bytes: &[u8], records: &mut Records<'_>) {
    let mut record = 0;
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        record += 1;
        let locator = RecordLocator {
            record,
            line: Some(index + 1),
        };
        let Ok(text) = std::str::from_utf8(line) else {
            records.error(RecordError::new(
                locator,
                RecordErrorKind::NotUtf8,
                Localized::new("zeile ist kein gültiges UTF-8", "line is not valid UTF-8"),
                Localized::new(
                    "das archiv als UTF-8 speichern",
                    "save the archive as UTF-8",
                ),
            ));
            continue;
        };
        match crate::wire::parse_draft(text) {
            Ok(draft) => records.post(locator, draft),
            Err(error) => records.error(RecordError::from_input(locator, error)),
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
                    "die erste Zeile ist kein vollständiges JSON-Objekt ({})",
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
                .starts_with("ungültiger entwurf")
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
}
