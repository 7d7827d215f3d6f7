//! `freigabe explain`: a rule's documentation, generated from its doc comment.

use std::process::ExitCode;

use freigabe::Lang;

use crate::args::ExplainArgs;
use crate::error::CliError;
use crate::output::write_stdout;

/// Prints one rule's documentation in `lang`, or without a rule (or with `--all`) every id
/// with its title and summary.
pub fn run(args: ExplainArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let text = match args.rule {
        Some(id) => match freigabe::rule_info(&id) {
            Some(rule) => rule.explain(lang),
            None => return Err(unknown_rule(&id, lang)),
        },
        None => list(lang),
    };
    write_stdout(&text, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// One line per rule: id and title, padded, then its summary.
fn list(lang: Lang) -> String {
    let rules: Vec<_> = freigabe::all_rules().collect();
    let id_width = rules.iter().map(|rule| rule.id.len()).max().unwrap_or(0);
    // `{:width$}` pads by characters, so widths are counted in characters (umlauts).
    let title_width = rules
        .iter()
        .map(|rule| rule.title(lang).chars().count())
        .max()
        .unwrap_or(0);
    rules
        .iter()
        .map(|rule| {
            format!(
                "{:id_width$}  {:title_width$}  {}\n",
                rule.id,
                rule.title(lang),
                rule.summary(lang)
            )
        })
        .collect()
}

fn unknown_rule(id: &str, lang: Lang) -> CliError {
    let unknown = freigabe::wire::unknown_rule(id, "`freigabe explain`");
    CliError::new(
        "unknown-rule",
        unknown.message.get(lang).to_owned(),
        Some(unknown.help.get(lang).to_owned()),
    )
}
