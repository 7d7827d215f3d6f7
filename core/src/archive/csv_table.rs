//! CSV tables: a header line and one post per record, read with the `csv` crate (quoting,
//! line breaks inside quoted texts, one error per broken record).
//!
//! Columns are found by their header names, mapped by [`CsvColumns`]. The delimiter is the
//! one of `,`, `;` (German spreadsheet exports) and tab that the header line uses most.
//! Times are RFC 3339 (`2026-05-04T10:00:00+02:00`) or, without offset, local times in the
//! zone of [`super::ArchiveOptions::time_zone`] (default `Europe/Berlin`):
//! `2026-05-04 10:00`, `2026-05-04T10:00:00`, `04.05.2026 10:00[:00]`. A local time that
//! occurs twice at the end of summer time is read as the first one. Platforms are
//! separated by `;` or `,` (`facebook;instagram`).

use std::str::FromStr;

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use super::{
    ArchiveError, ArchiveErrorKind, ArchiveOptions, RecordError, RecordErrorKind, RecordLocator,
    Records,
};
use crate::draft::Draft;
use crate::platform::Platform;
use crate::policy::{Localized, did_you_mean, localized};

/// Which CSV header names hold which draft field. `None` means the field's own name
/// (`text`, `published_at`, `account`, `platforms`, `author`, `id`), which may be missing
/// from the table except `text`; a name given here must be in the header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvColumns {
    /// Column of the post text (required).
    pub text: Option<String>,
    /// Column of the publication time.
    pub published_at: Option<String>,
    /// Column of the account id.
    pub account: Option<String>,
    /// Column of the platforms.
    pub platforms: Option<String>,
    /// Column of the author's login.
    pub author: Option<String>,
    /// Column of the record's id.
    pub id: Option<String>,
}

/// The draft fields a column can be mapped to, in header-name order of the mapping syntax.
const FIELDS: [&str; 6] = [
    "text",
    "published_at",
    "account",
    "platforms",
    "author",
    "id",
];

impl CsvColumns {
    fn slot(&mut self, field: &str) -> Option<&mut Option<String>> {
        Some(match field {
            "text" => &mut self.text,
            "published_at" => &mut self.published_at,
            "account" => &mut self.account,
            "platforms" => &mut self.platforms,
            "author" => &mut self.author,
            "id" => &mut self.id,
            _ => return None,
        })
    }

    fn get(&self, field: &str) -> Option<&str> {
        match field {
            "text" => self.text.as_deref(),
            "published_at" => self.published_at.as_deref(),
            "account" => self.account.as_deref(),
            "platforms" => self.platforms.as_deref(),
            "author" => self.author.as_deref(),
            "id" => self.id.as_deref(),
            _ => None,
        }
    }
}

/// `text=message,published_at=created`: field `=` header name, separated by commas.
impl FromStr for CsvColumns {
    type Err = ArchiveError;

    fn from_str(mapping: &str) -> Result<CsvColumns, ArchiveError> {
        let mut columns = CsvColumns::default();
        for pair in mapping.split(',').filter(|pair| !pair.trim().is_empty()) {
            let Some((field, header)) = pair.split_once('=') else {
                return Err(ArchiveError::new(
                    ArchiveErrorKind::InvalidOption,
                    localized!(
                        de: "Spaltenzuordnung `{pair}` hat kein `=`",
                        en: "column mapping `{pair}` has no `=`",
                    ),
                    Localized::new(
                        "Form: Feld=Spaltenname, z. B. `text=message,published_at=created`",
                        "form: field=column name, e.g. `text=message,published_at=created`",
                    ),
                ));
            };
            let field = field.trim();
            let Some(slot) = columns.slot(field) else {
                let list = FIELDS.join(", ");
                let help = match did_you_mean(field, FIELDS) {
                    Some(close) => {
                        localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?")
                    }
                    None => localized!(de: "Felder: {list}", en: "fields: {list}"),
                };
                return Err(ArchiveError::new(
                    ArchiveErrorKind::InvalidOption,
                    localized!(
                        de: "Unbekanntes Feld `{field}` in der Spaltenzuordnung",
                        en: "unknown field `{field}` in the column mapping",
                    ),
                    help,
                ));
            };
            *slot = Some(header.trim().to_owned());
        }
        Ok(columns)
    }
}

/// Index of each draft field's column in the header, `None` where the table has none.
struct Layout {
    indexes: [Option<usize>; 6],
}

impl Layout {
    fn new(headers: &csv::StringRecord, columns: &CsvColumns) -> Result<Layout, ArchiveError> {
        let names: Vec<&str> = headers.iter().map(str::trim).collect();
        let mut indexes = [None; 6];
        for (slot, field) in indexes.iter_mut().zip(FIELDS) {
            let mapped = columns.get(field);
            let wanted = mapped.unwrap_or(field);
            *slot = names.iter().position(|name| *name == wanted);
            if slot.is_none() && (mapped.is_some() || field == "text") {
                return Err(missing_column(wanted, &names));
            }
        }
        Ok(Layout { indexes })
    }

    /// The trimmed, non-empty cell of `field` (an index into [`FIELDS`]).
    fn cell<'r>(&self, record: &'r csv::StringRecord, field: usize) -> Option<&'r str> {
        let index = self.indexes.get(field).copied().flatten()?;
        record.get(index).filter(|cell| !cell.trim().is_empty())
    }
}

fn missing_column(wanted: &str, names: &[&str]) -> ArchiveError {
    let help = match did_you_mean(wanted, names.iter().copied()) {
        Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
        None => {
            let list = names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ");
            localized!(
                de: "Die Kopfzeile hat: {list}; Spalten zuordnen, z. B. `text=message`",
                en: "the header has: {list}; map columns, e.g. `text=message`",
            )
        }
    };
    let mut error = ArchiveError::new(
        ArchiveErrorKind::MissingColumn,
        localized!(
            de: "Spalte `{wanted}` fehlt in der Kopfzeile",
            en: "column `{wanted}` is missing from the header",
        ),
        help,
    );
    error.position = Some((1, 1));
    error
}

/// Reads the table from `input`, one record at a time; `head` is its beginning, for the
/// delimiter.
pub(super) fn read(
    head: &[u8],
    input: impl std::io::Read,
    options: &ArchiveOptions,
    records: &mut Records<'_>,
) -> Result<(), ArchiveError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(head))
        .from_reader(input);
    let headers = reader.headers().map_err(|e| {
        ArchiveError::new(
            ArchiveErrorKind::Syntax,
            localized!(de: "Kopfzeile nicht lesbar: {e}", en: "cannot read the header: {e}"),
            Localized::new(
                "Die erste Zeile nennt die Spalten, z. B. `text,published_at`",
                "the first line names the columns, e.g. `text,published_at`",
            ),
        )
    })?;
    let layout = Layout::new(headers, &options.columns)?;
    let zone = match &options.time_zone {
        Some(zone) => zone.clone(),
        None => TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC),
    };
    for (index, result) in reader.records().enumerate() {
        if records.stopped {
            break;
        }
        let fallback_line = index + 2;
        match result {
            Ok(record) => {
                let line = record.position().map_or(fallback_line, |p| {
                    usize::try_from(p.line()).unwrap_or(fallback_line)
                });
                let locator = RecordLocator {
                    record: index + 1,
                    line: Some(line),
                };
                match draft(&layout, &record, &zone, locator) {
                    Ok(draft) => records.post(locator, draft),
                    Err(error) => records.error(error),
                }
            }
            Err(error) => {
                let line = error
                    .position()
                    .and_then(|p| usize::try_from(p.line()).ok())
                    .unwrap_or(fallback_line);
                let locator = RecordLocator {
                    record: index + 1,
                    line: Some(line),
                };
                records.error(broken_record(locator, &error));
            }
        }
    }
    Ok(())
}

fn broken_record(locator: RecordLocator, error: &csv::Error) -> RecordError {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => RecordError::new(
            locator,
            RecordErrorKind::NotUtf8,
            Localized::new(
                "Die Zeile ist kein gültiges UTF-8",
                "line is not valid UTF-8",
            ),
            Localized::new("die tabelle als UTF-8 speichern", "save the table as UTF-8"),
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => RecordError::new(
            locator,
            RecordErrorKind::InvalidRecord,
            localized!(
                de: "Zeile hat {len} Spalten, die Kopfzeile {expected_len}",
                en: "row has {len} columns, the header {expected_len}",
            ),
            Localized::new(
                "Texte mit Trennzeichen oder Zeilenumbrüchen in Anführungszeichen setzen",
                "put texts with delimiters or line breaks in double quotes",
            ),
        ),
        _ => RecordError::new(
            locator,
            RecordErrorKind::InvalidRecord,
            localized!(de: "Zeile nicht lesbar: {error}", en: "cannot read row: {error}"),
            Localized::new("Die Zeile im Export prüfen", "check the row in the export"),
        ),
    }
}

fn draft(
    layout: &Layout,
    record: &csv::StringRecord,
    zone: &TimeZone,
    locator: RecordLocator,
) -> Result<Draft, RecordError> {
    let cell = |field: &str| {
        FIELDS
            .iter()
            .position(|f| *f == field)
            .and_then(|index| layout.cell(record, index))
    };
    let id = cell("id").map(|id| id.trim().to_owned());
    let fail = |error: RecordError| error.with_id(id.clone());
    let published_at = cell("published_at")
        .map(|time| parse_time(time.trim(), zone).ok_or_else(|| fail(bad_time(locator, time))))
        .transpose()?;
    let platforms = cell("platforms")
        .map(|list| parse_platforms(list).map_err(|unknown| fail(bad_platform(locator, &unknown))))
        .transpose()?;
    Ok(Draft {
        id: id.clone(),
        account: cell("account").map(|account| account.trim().to_owned()),
        platforms,
        author: cell("author").map(|author| author.trim().to_owned()),
        published_at,
        ..Draft::new(cell("text").unwrap_or_default())
    })
}

/// RFC 3339, else a local time in `zone`.
fn parse_time(time: &str, zone: &TimeZone) -> Option<Timestamp> {
    if let Ok(timestamp) = time.parse::<Timestamp>() {
        return Some(timestamp);
    }
    let local = time.parse::<DateTime>().ok().or_else(|| {
        ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"]
            .into_iter()
            .find_map(|format| DateTime::strptime(format, time).ok())
    })?;
    local
        .to_zoned(zone.clone())
        .ok()
        .as_ref()
        .map(Zoned::timestamp)
}

fn parse_platforms(list: &str) -> Result<Vec<Platform>, String> {
    list.split([';', ','])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| Platform::parse(name).ok_or_else(|| name.to_owned()))
        .collect()
}

fn bad_time(locator: RecordLocator, time: &str) -> RecordError {
    RecordError::new(
        locator,
        RecordErrorKind::InvalidTime,
        localized!(
            de: "`{time}` ist kein Zeitpunkt",
            en: "`{time}` is not a point in time",
        ),
        Localized::new(
            "Erwartet: `2026-05-04T10:00:00+02:00`, `2026-05-04 10:00` oder `04.05.2026 10:00`",
            "expected: `2026-05-04T10:00:00+02:00`, `2026-05-04 10:00` or `04.05.2026 10:00`",
        ),
    )
}

fn bad_platform(locator: RecordLocator, unknown: &str) -> RecordError {
    let names = Platform::ALL.map(Platform::as_str);
    let help = match did_you_mean(unknown, names) {
        Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
        None => {
            let list = names.join(", ");
            localized!(de: "Möglich sind: {list}", en: "possible values: {list}")
        }
    };
    RecordError::new(
        locator,
        RecordErrorKind::UnknownPlatform,
        localized!(
            de: "Unbekannte Plattform `{unknown}`",
            en: "unknown platform `{unknown}`",
        ),
        help,
    )
}

/// The delimiter the header line uses most.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|delimiter| header.iter().filter(|&b| b == delimiter).count())
        .filter(|delimiter| header.contains(delimiter))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{ArchiveFormat, read};
    use crate::lang::Lang;

    #[test]
    fn mapped_columns_local_times_and_platform_lists() {
        let table = "message;created;kanal;nr\n\"Hallo; Welt\nzweite Zeile\";2026-05-04 10:00;facebook, instagram;7\nSommerzeit-Ende;25.10.2026 02:30;x;8\n";
        let options = ArchiveOptions {
            columns: "text=message,published_at=created,platforms=kanal,id=nr"
                .parse()
                .unwrap(),
            ..ArchiveOptions::default()
        };
        let archive = read("posts.csv", table.as_bytes(), &options).unwrap();
        assert_eq!(archive.format, ArchiveFormat::Csv);
        let first = archive.records[0].as_ref().unwrap();
        assert_eq!(first.draft.text, "Hallo; Welt\nzweite Zeile");
        assert_eq!(first.draft.id.as_deref(), Some("7"));
        assert_eq!(
            first.draft.platforms,
            Some(vec![Platform::Facebook, Platform::Instagram])
        );
        // 10:00 in Berlin in May is 08:00 UTC.
        assert_eq!(
            first.draft.published_at.unwrap().to_string(),
            "2026-05-04T08:00:00Z"
        );
        let second = archive.records[1].as_ref().unwrap();
        assert_eq!(second.locator.line, Some(4), "the quoted line break counts");
        // 02:30 happens twice on 25 October; the first is still summer time (+02:00).
        assert_eq!(
            second.draft.published_at.unwrap().to_string(),
            "2026-10-25T00:30:00Z"
        );
    }

    #[test]
    fn broken_rows_are_errors_and_the_rest_is_read() {
        let table = "text,published_at,platforms\nA,2026-05-04T10:00:00+02:00,x\nB,morgen,x\nC,,facebok\nD,2026-05-04 10:00\nE,,\n";
        let archive = read("posts.csv", table.as_bytes(), &ArchiveOptions::default()).unwrap();
        let kinds: Vec<_> = archive
            .records
            .iter()
            .map(|r| r.as_ref().map(|p| p.draft.text.clone()).map_err(|e| e.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                Ok("A".to_owned()),
                Err(RecordErrorKind::InvalidTime),
                Err(RecordErrorKind::UnknownPlatform),
                Err(RecordErrorKind::InvalidRecord),
                Ok("E".to_owned()),
            ]
        );
        let unknown = archive.records[2].as_ref().unwrap_err();
        assert_eq!(
            unknown.help.as_ref().unwrap().get(Lang::En),
            "did you mean `facebook`?"
        );
        assert_eq!(unknown.locator.line, Some(4));
    }

    #[test]
    fn a_missing_text_column_names_the_header() {
        let error = read(
            "a.csv",
            b"message,created\nHallo,\n",
            &ArchiveOptions::default(),
        )
        .unwrap_err();
        assert_eq!(error.kind, ArchiveErrorKind::MissingColumn);
        assert_eq!(
            error.message.get(Lang::En),
            "column `text` is missing from the header"
        );
        assert_eq!(
            error.help.unwrap().get(Lang::En),
            "the header has: `message`, `created`; map columns, e.g. `text=message`"
        );
        let error = "txt=message".parse::<CsvColumns>().unwrap_err();
        assert_eq!(error.help.unwrap().get(Lang::En), "did you mean `text`?");
    }
}
