//! `freigabe batch`: every post of an archive, one JSON line out per record.
//!
//! The archive is read by `freigabe::archive` (JSONL, CSV, Facebook/Instagram exports, X
//! `tweets.js`, Mastodon `outbox.json`); a record that cannot be read becomes an error row
//! in its place and the others are checked, on every core.

use std::io::{self, BufWriter, Read, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::mpsc::{self, SyncSender};

use freigabe::archive::{
    self, Archive, ArchiveError, ArchiveErrorKind, ArchiveOptions, ArchivedPost, CsvColumns, Entry,
    RecordError, RecordNote, SkipReason, SkippedRecord,
};
use freigabe::policy::Localized;
use freigabe::{InputError, Lang, Report, Severity};
use serde::Serialize;

use crate::args::{ArchiveArgs, BatchArgs};
use crate::error::{CliError, Input};
use crate::input::{display_name, load_engine, load_history};
use crate::lang::tr;
use crate::output::{write_error, write_stderr};
use crate::progress::{Counted, Counter, Progress};

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

/// Records checked together: enough to keep every core busy between two writes, few enough
/// that output follows input closely.
const CHUNK_RECORDS: usize = 1024;

/// Input bytes after which a chunk is closed even with fewer records, so a chunk of large
/// records stays small: memory is bounded by `CHUNKS_IN_FLIGHT` chunks of at most this
/// much input (plus one record, at most 4 MiB), not by the archive.
const CHUNK_BYTES: u64 = 8 * 1024 * 1024;

/// Chunks read ahead while one is checked: reading goes on while the cores check.
const CHUNKS_AHEAD: usize = 1;

/// Records of one chunk, in source order, and how far the input was read when it closed.
struct Chunk {
    records: Vec<Result<ArchivedPost, RecordError>>,
    bytes_read: u64,
}

/// Checks every record with one engine, streaming: the reader thread reads chunks of
/// records, every core checks a chunk while the next is read, and rows are written in
/// input order as each chunk is done. Exit code 1 if any record has a finding at or above
/// `--fail-on` or cannot be checked.
pub fn run(args: BatchArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let engine = load_engine(&args.engine.policy, lang)?;
    let history = load_history(args.engine.history.as_deref(), lang)?;
    let options = archive_options(&args.input, lang)?;
    let input = open_archive(&args.archive, lang)?;
    let progress = Progress::reading(args.quiet, input.total, lang);
    let fail_on: Severity = args.engine.fail_on.into();
    let now = args.engine.now;

    let (sender, receiver) = mpsc::sync_channel::<Chunk>(CHUNKS_AHEAD);
    let (read, written) = std::thread::scope(|scope| {
        let counter = input.counter.clone();
        let reader = scope.spawn(|| read_chunks(&args.archive, input, &options, sender, lang));
        let written = (|| {
            let mut out = BufWriter::new(io::stdout().lock());
            let mut failed = false;
            for chunk in receiver {
                let rows = check_chunk(&engine, &history, now, &chunk.records, fail_on, lang);
                for (row, row_failed) in rows {
                    failed |= row_failed;
                    out.write_all(&row)?;
                }
                progress.advance(chunk.records.len(), chunk.bytes_read);
            }
            out.flush()?;
            drop(counter);
            Ok::<bool, io::Error>(failed)
        })();
        // On a write error the receiver is gone, so the reader stops at its next chunk.
        (reader.join(), written)
    });
    progress.finish();
    let failed = match written {
        Ok(failed) => failed,
        // The reader of our output went away (`| head`): not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(error) => return Err(write_error(&error, lang)),
    };
    let skipped = match read {
        Ok(Ok(skipped)) => skipped,
        Ok(Err(error)) => return Err(error),
        // The reader thread panicked: no panics in core, so a broken invariant; say so.
        Err(_) => {
            return Err(CliError::new(
                "internal",
                tr(lang, "Archivleser abgebrochen", "archive reader aborted"),
                None,
            ));
        }
    };
    note_skipped(&skipped, lang);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the archive into chunks for the checking side; returns the records left out on
/// purpose. Stops when the checking side is gone.
fn read_chunks(
    path: &str,
    input: OpenArchive,
    options: &ArchiveOptions,
    chunks: SyncSender<Chunk>,
    lang: Lang,
) -> Result<Vec<SkippedRecord>, CliError> {
    let counter = input.counter.clone();
    let mut skipped = Vec::new();
    let mut records = Vec::with_capacity(CHUNK_RECORDS);
    let mut chunk_start = 0;
    let send = |records: Vec<_>, bytes_read| {
        chunks.send(Chunk {
            records,
            bytes_read,
        })
    };
    let read = archive::read_stream(path, input.reader, options, &mut |entry| {
        match entry {
            Entry::Record(record) => records.push(record),
            Entry::Skipped(skip) => skipped.push(skip),
            _ => {}
        }
        let bytes_read = counter.bytes();
        if records.len() < CHUNK_RECORDS && bytes_read - chunk_start < CHUNK_BYTES {
            return ControlFlow::Continue(());
        }
        chunk_start = bytes_read;
        let full = std::mem::replace(&mut records, Vec::with_capacity(CHUNK_RECORDS));
        match send(full, bytes_read) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    });
    match read {
        Ok(_) => {
            // A closed receiver means the output is gone; nothing to report then.
            let _ = send(records, counter.bytes());
            Ok(skipped)
        }
        Err(error) => {
            // What was read before a problem of the whole file is written first.
            let _ = send(records, counter.bytes());
            Err(match counter.take_error() {
                Some(io_error) if error.kind == ArchiveErrorKind::Read => {
                    CliError::io(Input::Archive, path, &io_error, lang)
                }
                _ => from_archive(&error, display_name(path), lang),
            })
        }
    }
}

/// Checks a chunk's drafts on every core and renders its rows (in parallel too: a row's
/// JSON costs about a tenth of its check); each row with whether it fails the run.
fn check_chunk(
    engine: &freigabe::Engine,
    history: &[freigabe::HistoryEntry],
    now: Option<jiff::Timestamp>,
    records: &[Result<ArchivedPost, RecordError>],
    fail_on: Severity,
    lang: Lang,
) -> Vec<(Vec<u8>, bool)> {
    let drafts: Vec<freigabe::Draft> = records
        .iter()
        .filter_map(|record| record.as_ref().ok())
        .map(|post| post.draft.clone())
        .collect();
    // One report per draft, in order.
    let mut reports = engine.check_many(&drafts, history, now, None).into_iter();
    let checked: Vec<Checked<'_>> = records
        .iter()
        .filter_map(|record| match record {
            Ok(post) => reports.next().map(|report| Checked::Post(post, report)),
            Err(error) => Some(Checked::Unread(error)),
        })
        .collect();
    freigabe::batch::parallel_map(&checked, None, |checked| render_row(checked, fail_on, lang))
}

/// A record with its check, or why it could not be read.
enum Checked<'a> {
    Post(&'a ArchivedPost, Result<Report, InputError>),
    Unread(&'a RecordError),
}

/// One output line for a record and, if it was read, its check.
fn render_row(checked: &Checked<'_>, fail_on: Severity, lang: Lang) -> (Vec<u8>, bool) {
    let (locator, id, notes, checked) = match checked {
        Checked::Post(post, result) => (
            post.locator,
            post.draft.id.as_deref(),
            post.notes.as_slice(),
            result
                .as_ref()
                .map_err(|error| RowError::from_input(error, lang)),
        ),
        Checked::Unread(error) => (
            error.locator,
            error.id.as_deref(),
            &[][..],
            Err(RowError::from_record(error, lang)),
        ),
    };
    let failed = checked
        .as_ref()
        .map_or(true, |report| report.count_at_least(fail_on) > 0);
    let (report, error) = match &checked {
        Ok(report) => (Some(*report), None),
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
    // Rows are plain strings, numbers and string-keyed maps: serialising cannot fail.
    let mut line = serde_json::to_vec(&row).unwrap_or_default();
    line.push(b'\n');
    (line, failed)
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
                format!("Unbekannte Zeitzone `{zone}`"),
                format!("unknown time zone `{zone}`"),
            ),
            Some(tr(
                lang,
                "Einen IANA-Namen angeben, z. B. `Europe/Berlin`",
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

/// An archive opened for reading: the bytes, their size where known, and the count of
/// bytes read so far.
pub struct OpenArchive {
    reader: Counted<Box<dyn Read + Send>>,
    /// Bytes of the file; `None` for standard input.
    pub total: Option<u64>,
    counter: Counter,
}

/// Opens an archive file, or standard input for `-`.
pub fn open_archive(path: &str, lang: Lang) -> Result<OpenArchive, CliError> {
    let (reader, total): (Box<dyn Read + Send>, _) = if path == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| CliError::io(Input::Archive, path, &e, lang))?;
        let total = file.metadata().ok().map(|metadata| metadata.len());
        (Box::new(file), total)
    };
    let reader = Counted::new(reader);
    let counter = reader.counter();
    Ok(OpenArchive {
        reader,
        total,
        counter,
    })
}

/// Reads a whole archive with the core's readers, showing progress unless `quiet`.
/// Whole-file problems stop the command; broken records are in the archive's records.
pub fn read_archive(
    path: &str,
    options: &ArchiveOptions,
    quiet: bool,
    lang: Lang,
) -> Result<Archive, CliError> {
    let input = open_archive(path, lang)?;
    let progress = Progress::reading(quiet, input.total, lang);
    let counter = input.counter.clone();
    let (mut records, mut skipped) = (Vec::new(), Vec::new());
    let read = archive::read_stream(path, input.reader, options, &mut |entry| {
        match entry {
            Entry::Record(record) => records.push(record),
            Entry::Skipped(skip) => skipped.push(skip),
            _ => {}
        }
        progress.advance(1, counter.bytes());
        ControlFlow::Continue(())
    });
    progress.finish();
    match read {
        Ok(format) => Ok(Archive {
            format,
            records,
            skipped,
        }),
        Err(error) => Err(match counter.take_error() {
            Some(io_error) if error.kind == ArchiveErrorKind::Read => {
                CliError::io(Input::Archive, path, &io_error, lang)
            }
            _ => from_archive(&error, display_name(path), lang),
        }),
    }
}

/// An archive error as a command error: `file:line:column: message` and the help line.
fn from_archive(error: &ArchiveError, source: &str, lang: Lang) -> CliError {
    let help = if error.kind == ArchiveErrorKind::UnknownFormat {
        Some(tr(
            lang,
            "Das Format mit `--input-format` angeben (jsonl, csv, facebook, instagram, x, mastodon)",
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
fn note_skipped(skipped: &[SkippedRecord], lang: Lang) {
    if skipped.is_empty() {
        return;
    }
    let count = |reason| skipped.iter().filter(|s| s.reason == reason).count();
    let parts: Vec<String> = [
        (
            SkipReason::Repost,
            "Weiterleitungen (Retweets, Boosts)",
            "reposts (retweets, boosts)",
        ),
        (SkipReason::Direct, "Direktnachrichten", "direct messages"),
        (
            SkipReason::Empty,
            "Einträge ohne Text und Medien",
            "entries without text or media",
        ),
        (
            SkipReason::NotAPost,
            "Aktivitäten, die keine Beiträge sind",
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
        format!("Hinweis: nicht geprüft: {}", parts.join(", ")),
        format!("note: not checked: {}", parts.join(", ")),
    ));
}
