//! `freigabe batch`: every draft of a JSON Lines archive, one JSON line out per record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use freigabe::{Engine, HistoryEntry, InputError, Lang, Report, Severity};
use serde::Serialize;

use crate::args::BatchArgs;
use crate::error::{CliError, Input};
use crate::input::{load_engine, load_history};
use crate::output::write_error;

/// One output line: the report of a record, or why it could not be checked.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// 1-based line number in the archive.
    line: usize,
    /// The draft's `id`, if it has one and could be parsed.
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<RowError>,
}

/// Why a record could not be checked.
#[derive(Debug, Serialize)]
struct RowError {
    kind: &'static str,
    message: String,
    help: Option<String>,
    /// 1-based column in the line, where known.
    column: Option<usize>,
}

impl RowError {
    fn from_input(error: &InputError, lang: Lang) -> RowError {
        RowError {
            kind: error.kind.as_str(),
            message: error.message.get(lang).to_owned(),
            help: error.help.as_ref().map(|h| h.get(lang).to_owned()),
            column: error.position.map(|(_, column)| column),
        }
    }
}

/// Checks every record with one engine; exit code 1 if any record has a finding at or
/// above `--fail-on` or cannot be checked.
pub fn run(args: BatchArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let engine = load_engine(&args.engine.policy, lang)?;
    let history = load_history(args.engine.history.as_deref(), lang)?;
    let reader: Box<dyn BufRead> = if args.archive == "-" {
        Box::new(io::stdin().lock())
    } else {
        let file = File::open(&args.archive)
            .map_err(|e| CliError::io(Input::Archive, &args.archive, &e, lang))?;
        Box::new(BufReader::new(file))
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let checker = Checker {
        engine: &engine,
        history: &history,
        now: args.engine.now,
        fail_on: args.engine.fail_on.into(),
        lang,
    };
    let failed = match checker.run(reader, &mut out, &args.archive) {
        Ok(failed) => failed,
        Err(Stop::Closed) => return Ok(ExitCode::SUCCESS),
        Err(Stop::Error(error)) => return Err(error),
    };
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Why the stream ended early.
enum Stop {
    /// The reader of our output went away (`| head`): not an error.
    Closed,
    /// Reading the archive or writing the output failed.
    Error(CliError),
}

struct Checker<'a> {
    engine: &'a Engine,
    history: &'a [HistoryEntry],
    now: Option<jiff::Timestamp>,
    fail_on: Severity,
    lang: Lang,
}

impl Checker<'_> {
    /// Streams the archive line by line; returns whether any record failed.
    fn run(
        &self,
        mut reader: impl BufRead,
        out: &mut impl Write,
        archive: &str,
    ) -> Result<bool, Stop> {
        let mut failed = false;
        let mut buffer = Vec::new();
        let mut line_number = 0;
        loop {
            buffer.clear();
            let read = reader
                .read_until(b'\n', &mut buffer)
                .map_err(|e| Stop::Error(CliError::io(Input::Archive, archive, &e, self.lang)))?;
            if read == 0 {
                break;
            }
            line_number += 1;
            failed |= self.record(line_number, &buffer, out)?;
        }
        out.flush().map_err(|e| self.write_failed(&e))?;
        Ok(failed)
    }

    /// Checks one line and writes its row; returns whether it counts as a failure.
    fn record(&self, line: usize, bytes: &[u8], out: &mut impl Write) -> Result<bool, Stop> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            let error = RowError {
                kind: "invalid-draft",
                message: crate::lang::tr(
                    self.lang,
                    "zeile ist kein gültiges UTF-8",
                    "line is not valid UTF-8",
                ),
                help: Some(crate::lang::tr(
                    self.lang,
                    "das archiv als UTF-8 speichern",
                    "save the archive as UTF-8",
                )),
                column: None,
            };
            self.write_row(out, &error_row(line, None, error))?;
            return Ok(true);
        };
        // A byte-order mark some editors write before the first record is not JSON.
        let text = if line == 1 {
            text.trim_start_matches('\u{feff}')
        } else {
            text
        };
        if text.trim().is_empty() {
            return Ok(false);
        }
        let draft = match freigabe::wire::parse_draft(text) {
            Ok(draft) => draft,
            Err(error) => {
                let row = error_row(line, None, RowError::from_input(&error, self.lang));
                self.write_row(out, &row)?;
                return Ok(true);
            }
        };
        let id = draft.id.as_deref();
        match self.engine.check(&draft, self.history, self.now) {
            Ok(report) => {
                let row = Row {
                    line,
                    id,
                    report: Some(&report),
                    error: None,
                };
                self.write_row(out, &row)?;
                Ok(report.count_at_least(self.fail_on) > 0)
            }
            Err(error) => {
                let row = error_row(line, id, RowError::from_input(&error, self.lang));
                self.write_row(out, &row)?;
                Ok(true)
            }
        }
    }

    fn write_row(&self, out: &mut impl Write, row: &Row<'_>) -> Result<(), Stop> {
        serde_json::to_writer(&mut *out, row)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| self.write_failed(&e))
    }

    fn write_failed(&self, error: &io::Error) -> Stop {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Stop::Closed
        } else {
            Stop::Error(write_error(error, self.lang))
        }
    }
}

fn error_row(line: usize, id: Option<&str>, error: RowError) -> Row<'_> {
    Row {
        line,
        id,
        report: None,
        error: Some(error),
    }
}
