//! `freigabe batch`: every post of an archive, one JSON line out per record.
//!
//! The archive is read by `freigabe::archive` (JSONL, CSV, Facebook/Instagram exports, X
//! `tweets.js`, Mastodon `outbox.json`); a record that cannot be read becomes an error row
//! in its place and the others are checked, on every core.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use freigabe::archive::{
    Archive, ArchiveError, ArchiveErrorKind, ArchiveOptions, CsvColumns, RecordError, RecordNote,
    SkipReason,
};
use freigabe::policy::Localized;
use freigabe::{InputError, Lang, Report, Severity};
use serde::Serialize;

use crate::args::{ArchiveArgs, BatchArgs};
use crate::error::{CliError, Input};
use crate::input::{display_name, load_engine, load_history};
use crate::lang::tr;
use crate::output::{write_error, write_stderr};

/// One output line: the report of a record, or why it could not be checked.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// 1-based number of the record in the archive.
    record: usize,
    /// 1-based line the record starts on.
    line: Option<usize>,
    /// The record's id (the draft's `id`, a tweet id, a status URL), if it has one.
    id: Option<&'a str>,
    /// What the reader noticed in the record and read all the same (a weekday that
    /// contradicts its date).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<RowMessage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a RowError>,
}

/// What a row says about a record beside its report: a kind, a message and a help line.
#[derive(Debug, Serialize)]
struct RowMessage {
    kind: &'static str,
    message: String,
    help: Option<String>,
}

impl RowMessage {
    fn new(kind: &'static str, message: &Localized, help: Option<&Localized>, lang: Lang) -> Self {
        RowMessage {
            kind,
            message: message.get(lang).to_owned(),
            help: help.map(|h| h.get(lang).to_owned()),
        }
    }

    /// A note on a record that was read all the same.
    fn from_note(note: &RecordNote, lang: Lang) -> RowMessage {
        RowMessage::new(note.kind.as_str(), &note.message, note.help.as_ref(), lang)
    }
}

/// Why a record could not be checked.
#[derive(Debug, Serialize)]
struct RowError {
    #[serde(flatten)]
    what: RowMessage,
    /// 1-based column in the record's line, where known.
    column: Option<usize>,
}

impl RowError {
    fn from_record(error: &RecordError, lang: Lang) -> RowError {
        let help = error.help.as_deref();
        RowError {
            what: RowMessage::new(error.kind.as_str(), &error.message, help, lang),
            column: error.position.map(|(_, column)| column),
        }
    }

    fn from_input(error: &InputError, lang: Lang) -> RowError {
        let help = error.help.as_ref();
        RowError {
            what: RowMessage::new(error.kind.as_str(), &error.message, help, lang),
            column: None,
        }
    }
}

/// Checks every record with one engine; exit code 1 if any record has a finding at or
/// above `--fail-on` or cannot be checked.
pub fn run(args: BatchArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let engine = load_engine(&args.engine.policy, lang)?;
    let history = load_history(args.engine.history.as_deref(), lang)?;
    let options = archive_options(&args.input, lang)?;
    let archive = read_archive(&args.archive, &options, lang)?;
    note_skipped(&archive, lang);

    let drafts: Vec<freigabe::Draft> = archive
        .records
        .iter()
        .filter_map(|record| record.as_ref().ok())
        .map(|post| post.draft.clone())
        .collect();
    let mut reports = engine
        .check_many(&drafts, &history, args.engine.now, None)
        .into_iter();

    let fail_on: Severity = args.engine.fail_on.into();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for record in &archive.records {
        let results = match record {
            Ok(post) => {
                let Some(result) = reports.next() else { break };
                (
                    post.locator,
                    post.draft.id.as_deref(),
                    post.notes.as_slice(),
                    result.map_err(|e| RowError::from_input(&e, lang)),
                )
            }
            Err(error) => (
                error.locator,
                error.id.as_deref(),
                &[][..],
                Err(RowError::from_record(error, lang)),
            ),
        };
        let (locator, id, notes, checked) = results;
        failed |= checked
            .as_ref()
            .map_or(true, |report| report.count_at_least(fail_on) > 0);
        let (report, error) = match &checked {
            Ok(report) => (Some(report), None),
            Err(error) => (None, Some(error)),
        };
        let row = Row {
            record: locator.record,
            line: locator.line,
            id,
            notes: notes
                .iter()
                .map(|note| RowMessage::from_note(note, lang))
                .collect(),
            report,
            error,
        };
        let written = write_row(&mut out, &row);
        match written {
            Ok(()) => {}
            // The reader of our output went away (`| head`): not an error.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                return Ok(ExitCode::SUCCESS);
            }
            Err(error) => return Err(write_error(&error, lang)),
        }
    }
    match out.flush() {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            return Err(write_error(&error, lang));
        }
        _ => {}
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_row(out: &mut impl Write, row: &Row<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, row)?;
    out.write_all(b"\n")
}

/// The reader options from the command line.
fn archive_options(args: &ArchiveArgs, lang: Lang) -> Result<ArchiveOptions, CliError> {
    let columns = match &args.columns {
        Some(mapping) => mapping
            .parse::<CsvColumns>()
            .map_err(|e| from_archive(&e, "--columns", lang))?,
        None => CsvColumns::default(),
    };
    let time_zone = jiff::tz::TimeZone::get(&args.time_zone).map_err(|_| {
        let zone = &args.time_zone;
        CliError::new(
            "invalid-option",
            tr(
                lang,
                format!("unbekannte zeitzone `{zone}`"),
                format!("unknown time zone `{zone}`"),
            ),
            Some(tr(
                lang,
                "einen IANA-namen angeben, z. b. `Europe/Berlin`",
                "give an IANA name, e.g. `Europe/Berlin`",
            )),
        )
    })?;
    Ok(ArchiveOptions {
        format: args.input_format,
        account: args.account.clone(),
        platform: args.platform,
        columns,
        time_zone: Some(time_zone),
    })
}

/// Reads an archive file (or standard input for `-`) with the core's readers. Whole-file
/// problems stop the command; broken records are in the archive's records.
pub fn read_archive(path: &str, options: &ArchiveOptions, lang: Lang) -> Result<Archive, CliError> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|read| bytes = read)
    };
    read.map_err(|e| CliError::io(Input::Archive, path, &e, lang))?;
    freigabe::archive::read(path, &bytes, options)
        .map_err(|e| from_archive(&e, display_name(path), lang))
}

/// An archive error as a command error: `file:line:column: message` and the help line.
fn from_archive(error: &ArchiveError, source: &str, lang: Lang) -> CliError {
    let help = if error.kind == ArchiveErrorKind::UnknownFormat {
        Some(tr(
            lang,
            "das format mit `--input-format` angeben (jsonl, csv, facebook, instagram, x, mastodon)",
            "name the format with `--input-format` (jsonl, csv, facebook, instagram, x, mastodon)",
        ))
    } else {
        error.help.as_ref().map(|h| h.get(lang).to_owned())
    };
    CliError::new(
        error.kind.as_str(),
        format!("{source}: {}", error.headline(lang)),
        help,
    )
}

/// Tells on stderr how many records were left out on purpose, so counts add up.
fn note_skipped(archive: &Archive, lang: Lang) {
    if archive.skipped.is_empty() {
        return;
    }
    let count = |reason| {
        archive
            .skipped
            .iter()
            .filter(|s| s.reason == reason)
            .count()
    };
    let parts: Vec<String> = [
        (
            SkipReason::Repost,
            "weiterleitungen (retweets, boosts)",
            "reposts (retweets, boosts)",
        ),
        (SkipReason::Direct, "direktnachrichten", "direct messages"),
        (
            SkipReason::Empty,
            "einträge ohne text und medien",
            "entries without text or media",
        ),
        (
            SkipReason::NotAPost,
            "aktivitäten, die keine beiträge sind",
            "activities that are not posts",
        ),
    ]
    .into_iter()
    .filter_map(|(reason, de, en)| {
        let n = count(reason);
        (n > 0).then(|| format!("{}: {n}", tr(lang, de, en)))
    })
    .collect();
    write_stderr(&tr(
        lang,
        format!("hinweis: nicht geprüft: {}", parts.join(", ")),
        format!("note: not checked: {}", parts.join(", ")),
    ));
}
