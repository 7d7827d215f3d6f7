//! Usage errors (a misspelt flag, a missing argument, a value clap refuses) in the
//! language of the messages. clap words them in English only; German is our default, so
//! the common kinds are worded here from clap's error context, in the same shape as every
//! other error of the CLI. English keeps clap's own rendering.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use freigabe::Lang;

use crate::error::CliError;

/// The language for an error that happened before the arguments were parsed: `--lang`
/// as written on the command line, else `FREIGABE_LANG`, else German.
pub fn language_of_arguments() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(index, arg)| {
        arg.strip_prefix("--lang=").or_else(|| {
            (arg == "--lang")
                .then(|| args.get(index + 1).map(String::as_str))
                .flatten()
        })
    });
    // Without a flag, the same fallback as after parsing (`FREIGABE_LANG`, else German).
    flag.and_then(Lang::parse)
        .unwrap_or_else(|| crate::lang::resolve(None))
}

/// The error for stderr, in `lang`.
pub fn render(error: &clap::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return error.render().ansi().to_string();
    }
    match in_german(error) {
        Some(german) => german.render(lang),
        None => error.render().ansi().to_string(),
    }
}

/// A clap error as our own German error; `None` for kinds this does not know.
fn in_german(error: &clap::Error) -> Option<CliError> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => values.first().cloned(),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values
            .iter()
            .map(|value| format!("`{value}`"))
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let suggestion = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue))
        .map(|close| format!("Meinten Sie `{close}`?"));
    let usage = text(ContextKind::Usage).map(|usage| {
        usage
            .trim()
            .replacen("Usage:", crate::help::USAGE_HEADING, 1)
            .replace("[OPTIONS]", "[OPTIONEN]")
    });
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let (message, help) = match error.kind() {
        ErrorKind::UnknownArgument => (
            format!("Unbekanntes Argument `{arg}`"),
            suggestion.or_else(|| Some("`--help` zeigt alle Optionen".to_owned())),
        ),
        ErrorKind::InvalidSubcommand => {
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            (
                format!("Unbekannter Befehl `{command}`"),
                suggestion.or_else(|| Some("`freigabe --help` zeigt alle Befehle".to_owned())),
            )
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(ContextKind::ValidValue);
            let message = if value.is_empty() {
                format!("`{arg}` braucht einen Wert")
            } else {
                format!("Ungültiger Wert `{value}` für `{arg}`")
            };
            let possible = (!valid.is_empty()).then(|| format!("Möglich sind {valid}"));
            (message, suggestion.or(possible))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            (
                format!("Es fehlt: {missing}"),
                Some("`--help` zeigt, was der Befehl braucht".to_owned()),
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (
            "Es fehlt ein Befehl".to_owned(),
            Some("`freigabe --help` zeigt alle Befehle".to_owned()),
        ),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            (
                format!("`{arg}` und `{prior}` schließen einander aus"),
                Some("Nur eines von beiden angeben".to_owned()),
            )
        }
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            (
                format!("Ungültiger Wert `{value}` für `{arg}`"),
                Some("`--help` zeigt, welche Werte möglich sind".to_owned()),
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => (
            format!("Falsche Zahl von Werten für `{arg}`"),
            Some("`--help` zeigt, wie viele Werte möglich sind".to_owned()),
        ),
        _ => return None,
    };
    let help = match (help, usage) {
        (Some(help), Some(usage)) => Some(format!("{help}\n{usage}")),
        (help, usage) => help.or(usage),
    };
    Some(CliError::new("usage", message, help))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use clap::Parser;

    use super::*;
    use crate::args::Cli;

    fn german(args: &[&str]) -> String {
        let error = Cli::try_parse_from(std::iter::once("freigabe").chain(args.iter().copied()))
            .expect_err("a usage error");
        render(&error, Lang::De)
    }

    #[test]
    fn usage_errors_are_german_with_a_suggestion() {
        let unknown = german(&["check", "--policy", "p.toml", "--formt", "json", "d.json"]);
        assert!(
            unknown.contains("Unbekanntes Argument `--formt`"),
            "{unknown}"
        );
        assert!(unknown.contains("Meinten Sie `--format`?"), "{unknown}");
        assert!(unknown.contains("Verwendung: freigabe check"), "{unknown}");
        let value = german(&["check", "--policy", "p.toml", "--format", "xml", "d.json"]);
        assert!(
            value.contains("Ungültiger Wert `xml` für `--format"),
            "{value}"
        );
        assert!(value.contains("`human`"), "{value}");
        let command = german(&["chek"]);
        assert!(command.contains("Unbekannter Befehl `chek`"), "{command}");
        assert!(command.contains("Meinten Sie `check`?"), "{command}");
        let missing = german(&["check", "d.json"]);
        assert!(missing.contains("Es fehlt: `--policy <FILE>`"), "{missing}");
        for text in [unknown, value, command, missing] {
            for english in [
                "error:",
                "Usage:",
                "unexpected",
                "invalid value",
                "required",
                "tip:",
            ] {
                assert!(!text.contains(english), "English `{english}` in {text}");
            }
        }
    }
}
