//! `freigabe report`: the quarterly report over a published archive, as JSON or as one
//! self-contained HTML page. Reading the files is here; counting and rendering are in core
//! (`freigabe::analytics`).

use std::io::ErrorKind;
use std::process::ExitCode;

use freigabe::analytics::html::render_html;
use freigabe::analytics::quarterly::{ArchiveError, ArchiveReport, build_report_observed};
use freigabe::analytics::responses::{Interaction, parse_interactions};
use freigabe::lang::{counted, decimal};
use freigabe::{Draft, Lang};

use crate::args::{ReportArgs, ReportFormat};
use crate::error::{CliError, describe_io};
use crate::input::{display_name, load_engine, read_text};
use crate::lang::tr;
use crate::output::{write_error, write_stdout};
use crate::progress::Progress;

/// Builds the report and writes it to `--output` or standard output. Unreadable lines of
/// the archive or the comments are listed in the report, they do not stop it.
pub fn run(args: ReportArgs, lang: Lang) -> Result<ExitCode, CliError> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(CliError::new(
            "usage",
            tr(
                lang,
                format!("`--from {from}` liegt nach `--to {to}`"),
                format!("`--from {from}` is after `--to {to}`"),
            ),
            Some(tr(
                lang,
                "Den ersten und den letzten Tag des Berichts angeben, z. B. `--from 2025-07-01 --to 2025-09-30`",
                "give the first and the last day of the report, e.g. `--from 2025-07-01 --to 2025-09-30`",
            )),
        ));
    }
    let engine = load_engine(&args.policy, lang)?;
    let (posts, mut errors) = read_archive(&args.archive, args.quiet, lang)?;
    let interactions = match &args.comments {
        Some(path) => {
            let (interactions, comment_errors) = read_comments(path, lang)?;
            errors.extend(comment_errors);
            interactions
        }
        None => Vec::new(),
    };
    let what = tr(lang, "Beiträge geprüft", "posts checked");
    let progress = Progress::counting(args.quiet, posts.len() as u64, &what, lang);
    let mut report =
        build_report_observed(&engine, &posts, &interactions, args.from, args.to, &|| {
            progress.advance(1, 0)
        });
    progress.finish();
    report.archive_errors = errors;
    let text = match args.format {
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&report)
                .map_err(|e| write_error(&std::io::Error::new(ErrorKind::InvalidData, e), lang))?;
            json.push('\n');
            json
        }
        ReportFormat::Html => render_html(&report, lang),
    };
    match &args.output {
        Some(path) => {
            write_report(path, &text, lang)?;
            if !args.quiet {
                crate::output::write_stderr(&written(path, &report, text.len(), lang));
            }
        }
        None => write_stdout(&text, lang)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What `--output` wrote, for stderr: „Bericht nach `q3.html` geschrieben: 4 Konten, 1.234
/// Beiträge, 48,2 kB“.
fn written(path: &std::path::Path, report: &ArchiveReport, bytes: usize, lang: Lang) -> String {
    let path = path.display();
    let size = kilobytes(bytes, lang);
    let accounts = report.accounts.len() as u64;
    let posts = report.records as u64;
    match lang {
        Lang::En => {
            let accounts = counted(accounts, "account", "accounts", lang);
            let posts = counted(posts, "post", "posts", lang);
            format!("wrote report to `{path}`: {accounts}, {posts}, {size}")
        }
        _ => {
            let accounts = counted(accounts, "Konto", "Konten", lang);
            let posts = counted(posts, "Beitrag", "Beiträge", lang);
            format!("Bericht nach `{path}` geschrieben: {accounts}, {posts}, {size}")
        }
    }
}

/// Bytes as kB with one decimal, in the number format of `lang` (`48,2 kB`).
fn kilobytes(bytes: usize, lang: Lang) -> String {
    // Rounded up, so that a small report never reads as `0 kB`.
    let tenths = (bytes as u64 * 10).div_ceil(1000);
    format!("{} kB", decimal(tenths as f64 / 10.0, 1, lang))
}

fn write_report(path: &std::path::Path, text: &str, lang: Lang) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|e| {
        let path = path.display();
        let reason = describe_io(&e, lang);
        CliError::new(
            "io",
            tr(
                lang,
                format!("Bericht `{path}` kann nicht geschrieben werden: {reason}"),
                format!("cannot write report `{path}`: {reason}"),
            ),
            Some(tr(
                lang,
                "Prüfen, ob das Verzeichnis existiert und beschreibbar ist",
                "check that the directory exists and is writable",
            )),
        )
    })
}

/// Reads the published posts with the archive readers of `freigabe batch` (JSONL, CSV,
/// Facebook/Instagram exports, X `tweets.js`, Mastodon `outbox.json`, detected from the
/// content). A record that cannot be read becomes an error entry with its line (or record
/// number); the other records still count.
pub fn read_archive(
    path: &str,
    quiet: bool,
    lang: Lang,
) -> Result<(Vec<Draft>, Vec<ArchiveError>), CliError> {
    let options = freigabe::archive::ArchiveOptions::default();
    let archive = crate::batch::read_archive(path, &options, quiet, lang)?;
    let file = display_name(path).to_owned();
    let mut posts = Vec::new();
    let mut errors = Vec::new();
    for record in archive {
        match record {
            Ok(post) => posts.push(post.draft),
            Err(error) => errors.push(ArchiveError {
                file: file.clone(),
                line: error.locator.line.unwrap_or(error.locator.record),
                message: error.message.get(lang).to_owned(),
            }),
        }
    }
    Ok((posts, errors))
}

/// Reads comment and reply records (JSON Lines); broken lines become error entries.
fn read_comments(
    path: &str,
    lang: Lang,
) -> Result<(Vec<Interaction>, Vec<ArchiveError>), CliError> {
    let source = read_text(path).map_err(|e| {
        let reason = describe_io(&e, lang);
        CliError::new(
            "io",
            tr(
                lang,
                format!("Kommentare `{path}` können nicht gelesen werden: {reason}"),
                format!("cannot read comments `{path}`: {reason}"),
            ),
            Some(tr(
                lang,
                "Pfad prüfen; `--comments` erwartet JSON Lines mit einem Kommentar oder einer Antwort pro Zeile",
                "check the path; `--comments` expects JSON Lines with one comment or reply per line",
            )),
        )
    })?;
    let file = display_name(path).to_owned();
    let mut interactions = Vec::new();
    let mut errors = Vec::new();
    for result in parse_interactions(&source) {
        match result {
            Ok(interaction) => interactions.push(interaction),
            Err(error) => errors.push(ArchiveError {
                file: file.clone(),
                line: error.position.map_or(0, |(line, _)| line),
                message: error.message.get(lang).to_owned(),
            }),
        }
    }
    Ok((interactions, errors))
}
