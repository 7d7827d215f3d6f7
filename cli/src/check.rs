//! `freigabe check`: one draft, rendered as text, JSON or SARIF.

use std::process::ExitCode;

use freigabe::{Lang, Report, Severity};

use crate::args::{CheckArgs, CheckFormat};
use crate::document::Document;
use crate::error::CliError;
use crate::input::{display_name, is_text_file, load_draft, load_engine, load_history};
use crate::output::write_stdout;

/// Checks the draft and prints the report; exit code 1 if a finding reaches `--fail-on`.
pub fn run(args: CheckArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let engine = load_engine(&args.engine.policy, lang)?;
    let as_text = args.text || is_text_file(&args.draft);
    let (mut draft, source) = load_draft(&args.draft, as_text, lang)?;
    if let Some(account) = args.account {
        draft.account = Some(account);
    }
    if !args.platforms.is_empty() {
        draft.platforms = Some(args.platforms);
    }
    let history = load_history(args.engine.history.as_deref(), lang)?;
    let name = display_name(&args.draft);
    let report = engine
        .check(&draft, &history, args.engine.now)
        .map_err(|e| CliError::from_input(&e, lang, name, None))?;

    // Findings point into the file as it was read, also when it is JSON.
    let document = Document::new(&source, &draft.text, !as_text);
    let rendered = match args.format {
        CheckFormat::Human => crate::human::render(&report, &document, name, lang),
        CheckFormat::Json => report.to_json() + "\n",
        CheckFormat::Sarif => crate::sarif::render(&report, &document, name, lang) + "\n",
    };
    write_stdout(&rendered, lang)?;
    Ok(exit_code(&report, args.engine.fail_on.into()))
}

/// 1 if any finding is at or above `fail_on`, else 0.
pub fn exit_code(report: &Report, fail_on: Severity) -> ExitCode {
    if report.count_at_least(fail_on) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
