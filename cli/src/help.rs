//! `--help` in German. clap derives the English texts from the doc comments in `args.rs` and
//! words its headings, usage line and value lists in English only; German is our default, so
//! for German the command tree gets the texts of the tables below: about texts per command,
//! help texts per argument, descriptions per possible value, and headings, usage and value
//! lists written here instead of by clap. English keeps clap's rendering.

use clap::builder::{Str, StyledStr};
use clap::{Arg, Command, CommandFactory};
use freigabe::Lang;

use crate::args::Cli;

/// The command line parser with help texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let command = Cli::command();
    if lang == Lang::En {
        return command;
    }
    // Built first, so that clap's own `-h`, `-V` and `help` exist and can be translated.
    let mut command = command;
    command.build();
    in_german(command, "")
}

/// `command` (at `path`, e.g. `policy check`; the root is ``) and its subcommands in German.
fn in_german(command: Command, path: &str) -> Command {
    let mut command = command
        .mut_args(|arg| german_arg(arg, path))
        .subcommand_value_name("BEFEHL")
        .subcommand_help_heading("Befehle")
        .mut_subcommands(|sub| {
            let sub_path = join(path, sub.get_name());
            in_german(sub, &sub_path)
        });
    if let Some(about) = about(path) {
        command = command.about(about).long_about(None);
    }
    let usage = command.render_usage().to_string();
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[OPTIONEN]");
    let template = template(&command);
    command.override_usage(usage).help_template(template)
}

/// The help layout of clap's default template, with German headings and only the sections
/// the command has.
fn template(command: &Command) -> StyledStr {
    let styles = command.get_styles();
    let (strong, strong_end) = (
        styles.get_usage().render(),
        styles.get_usage().render_reset(),
    );
    let (header, header_end) = (
        styles.get_header().render(),
        styles.get_header().render_reset(),
    );
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{strong}{USAGE_HEADING}{strong_end} {{usage}}"
    );
    let shown = |arg: &&Arg| !arg.is_hide_set();
    let sections = [
        (
            "Befehle",
            "{subcommands}",
            command.get_subcommands().any(|sub| !sub.is_hide_set()),
        ),
        (
            "Argumente",
            "{positionals}",
            command.get_positionals().filter(shown).count() > 0,
        ),
        (
            "Optionen",
            "{options}",
            command
                .get_arguments()
                .filter(shown)
                .any(|arg| !arg.is_positional()),
        ),
    ];
    for (heading, tag, present) in sections {
        if present {
            template.push_str(&format!("\n\n{header}{heading}:{header_end}\n{tag}"));
        }
    }
    template.push_str("{after-help}");
    StyledStr::from(template)
}

/// The heading of the usage line (help and usage errors).
pub const USAGE_HEADING: &str = "Verwendung:";

/// `arg` of the command at `path` in German: help text, value name, default and possible
/// values (clap writes `[default: …]` and `[possible values: …]` in English, so they are
/// hidden and written into the German help instead).
fn german_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    // clap's own `--help` mentions `-h` and `--help` when the command has a long help.
    let long_help_exists = arg.get_long_help().is_some();
    let Some(help) = arg_help(path, &id, long_help_exists) else {
        return arg;
    };
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    let names: Vec<&str> = values.iter().map(|value| value.get_name()).collect();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    // As clap does: a flag's default (`false`) goes without saying.
    let default = (!defaults.is_empty() && arg.get_action().takes_values())
        .then(|| format!("[Standard: {}]", defaults.join(", ")));
    let list = (!names.is_empty()).then(|| format!("[mögliche Werte: {}]", names.join(", ")));
    let short = [Some(help.short.to_owned()), default.clone(), list]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    // Like clap, the long help describes each value, when they have descriptions.
    let long = if values.iter().any(|value| value.get_help().is_some()) {
        let width = names.iter().map(|name| name.len()).max().unwrap_or(0) + 1;
        let mut long = help.long.unwrap_or(help.short).to_owned();
        long.push_str("\n\nMögliche Werte:");
        for name in &names {
            let description = value_help(path, &id, name).unwrap_or_default();
            long.push_str(&format!("\n- {:<width$} {description}", format!("{name}:")));
        }
        if let Some(default) = &default {
            long.push_str(&format!("\n\n{default}"));
        }
        Some(long)
    } else {
        help.long.map(str::to_owned)
    };
    let value_names: Vec<Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| value_name(name.as_str()).map_or_else(|| name.clone(), Str::from))
        .collect();
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None::<&'static str>),
    };
    let arg = arg
        .help(short)
        .hide_default_value(true)
        .hide_possible_values(true);
    if value_names.is_empty() {
        arg
    } else {
        arg.value_names(value_names)
    }
}

/// The about text of the `help` subcommands.
const HELP_ABOUT: &str = "Diese Hilfe oder die Hilfe der angegebenen Befehle anzeigen";

/// A command's German about text, by its path below `freigabe` (e.g. `policy check`).
fn about(path: &str) -> Option<&'static str> {
    // `help check` and `policy help check` show the help of `check` and `policy check`:
    // clap copies the about texts into that subtree.
    let words: Vec<&str> = path.split_whitespace().collect();
    let target = match words.iter().position(|word| *word == "help") {
        Some(at) if matches!(&words[at + 1..], [] | ["help"]) => return Some(HELP_ABOUT),
        Some(at) => [&words[..at], &words[at + 1..]].concat().join(" "),
        None => path.to_owned(),
    };
    Some(match target.as_str() {
        "" => {
            "Prüft Social-Media-Entwürfe von Stadtverwaltungen vor der Veröffentlichung gegen eine Richtlinie"
        }
        "check" => {
            "Einen Entwurf prüfen (JSON oder reiner Text aus einer `.txt`-Datei oder mit `--text`)"
        }
        "batch" => {
            "Jeden Beitrag eines Archivs prüfen (JSONL, CSV, Exporte der Plattformen); eine JSON-Zeile je Datensatz"
        }
        "count" => "Einen Text so zählen, wie eine Plattform es tut, mit ihrer eingebauten Grenze",
        "policy" => "Eine Richtlinie prüfen oder ihr JSON-Schema ausgeben",
        "policy check" => "Eine Richtliniendatei prüfen, samt allem, was sie erweitert (`extends`)",
        "policy schema" => "Das JSON-Schema des Richtlinienformats ausgeben",
        "explain" => "Die Dokumentation einer Regel zeigen; ohne Regel alle Regeln auflisten",
        "report" => {
            "Quartalsbericht über veröffentlichte Beiträge: Wochen im Vergleich zum Zielkorridor, Befunde, Antwortzeiten; als JSON oder als eine eigenständige HTML-Seite"
        }
        _ => return None,
    })
}

/// A German help text: the short one (`-h`) and, where clap has a longer one, that.
struct Help {
    short: &'static str,
    long: Option<&'static str>,
}

/// The German help of argument `id` of the command at `path`.
fn arg_help(path: &str, id: &str, long_help_exists: bool) -> Option<Help> {
    let short = |short| Some(Help { short, long: None });
    match (path, id) {
        (_, "help") if long_help_exists => Some(Help {
            short: "Hilfe anzeigen (ausführlicher mit `--help`)",
            long: Some("Hilfe anzeigen (kürzer mit `-h`)"),
        }),
        (_, "help") => short("Hilfe anzeigen"),
        (_, "version") => short("Version anzeigen"),
        (_, "lang") => short("Sprache der Meldungen (Standard: `FREIGABE_LANG`, sonst Deutsch)"),
        (_, "quiet") => short(
            "Kein Fortschrittsbalken (er erscheint auf stderr nur, wenn stderr ein Terminal ist)",
        ),
        (_, "policy") | ("policy check", "file") => short("Die Richtliniendatei (TOML)"),
        (_, "history") => short(
            "Frühere Beiträge (JSON-Array oder JSON Lines), für die Regeln zum Rhythmus der Beiträge",
        ),
        (_, "now") => short(
            "Bezugszeitpunkt zeitabhängiger Regeln (RFC 3339, z. B. `2026-05-04T10:00:00+02:00`)",
        ),
        (_, "fail_on") => short("Niedrigste Schwere, die den Exit-Code 1 ergibt"),
        (_, "subcommand") => short("Die Hilfe dieser Befehle anzeigen"),
        ("check" | "report", "format") => short("Ausgabeformat"),
        ("check", "account") => {
            short("Konto-ID aus der Richtlinie (ersetzt `account` des Entwurfs)")
        }
        ("check", "platforms") => {
            short("Zielplattform, wiederholbar (ersetzt `platforms` des Entwurfs)")
        }
        ("check", "text") => short(
            "Den Entwurf als reinen Text lesen, auch wenn er keine `.txt`-Datei ist (z. B. von der Standardeingabe)",
        ),
        ("check", "draft") => short("Die Entwurfsdatei oder `-` für die Standardeingabe"),
        ("batch", "format") => short("Ausgabeformat (ein JSON-Objekt je Zeile)"),
        ("batch", "input_format") => {
            short("Archivformat (Standard: am Inhalt erkannt, sonst am Dateinamen)")
        }
        ("batch", "account") => short(
            "Konto-ID für Datensätze, die keines nennen (Exporte der Plattformen tun das nie; Standard: das Standardkonto der Richtlinie)",
        ),
        ("batch", "platform") => short(
            "Plattform für JSONL- und CSV-Datensätze, die keine nennen (Exporte bringen ihre mit)",
        ),
        ("batch", "columns") => short(
            "CSV-Spalten: `Feld=Überschrift,…` für text, published_at, account, platforms, author, id (Standard: Überschriften mit diesen Namen)",
        ),
        ("batch", "time_zone") => short("Zeitzone von CSV-Zeiten ohne Angabe des UTC-Versatzes"),
        ("batch", "archive") => short(
            "Das Archiv (JSONL, CSV, Export-JSON von Facebook und Instagram, `tweets.js` von X, `outbox.json` von Mastodon) oder `-` für die Standardeingabe",
        ),
        ("count", "platform") => short("Die Plattform, deren Zählweise und Grenze gelten"),
        ("count", "file") => short("Die Textdatei oder `-` (Standard) für die Standardeingabe"),
        ("explain", "rule") => {
            short("Die Regel-ID, z. B. `length.limit`; ohne sie werden alle Regeln aufgelistet")
        }
        ("explain", "all") => {
            short("Jede Regel mit ihrer Zusammenfassung auflisten (dasselbe wie ohne Regel)")
        }
        ("report", "archive") => short(
            "Die veröffentlichten Beiträge (JSON Lines von Entwürfen mit `published_at`) oder `-` für die Standardeingabe",
        ),
        ("report", "comments") => {
            short("Kommentare und Antworten (JSON Lines), für die Antwortzeiten")
        }
        ("report", "from") => short("Erster Tag des Berichts (Datum in der Zeitzone jedes Kontos)"),
        ("report", "to") => short("Letzter Tag des Berichts (einschließlich)"),
        ("report", "output") => {
            short("Den Bericht in diese Datei statt auf die Standardausgabe schreiben")
        }
        _ => None,
    }
}

/// The German description of a possible value of argument `id` at `path`.
fn value_help(path: &str, id: &str, value: &str) -> Option<&'static str> {
    Some(match (path, id, value) {
        (_, "lang", "de") => "Deutsch",
        (_, "lang", "en") => "Englisch",
        (_, "fail_on", "error") => "Nur Fehler",
        (_, "fail_on", "warning") => "Warnungen und Fehler",
        (_, "fail_on", "info") => "Jeder Befund",
        ("check", "format", "human") => "Text mit Markierungen für Menschen, wie ein Compiler",
        ("check", "format", "json") => "Der Bericht als JSON nach dem Vertrag, in einer Zeile",
        ("check", "format", "sarif") => "SARIF 2.1.0 für Code-Scanning-Werkzeuge",
        ("batch", "format", "jsonl") => "Ein JSON-Objekt je Zeile",
        ("report", "format", "html") => {
            "Eine eigenständige HTML-Seite mit Diagrammen (CSS und SVG eingebettet, keine Skripte)"
        }
        ("report", "format", "json") => "Der Bericht als JSON (Schlüssel in snake_case)",
        _ => return None,
    })
}

/// The German placeholder for a value name clap shows in usage and help (`<DATEI>`); ids,
/// formats and standards (`ID`, `RFC3339`) stay as they are.
fn value_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "FILE" => "DATEI",
        "DRAFT" => "ENTWURF",
        "ARCHIVE" => "ARCHIV",
        "RULE" => "REGEL",
        "MAPPING" => "ZUORDNUNG",
        "YYYY-MM-DD" => "JJJJ-MM-TT",
        "LANG" => "SPRACHE",
        "FAIL_ON" => "SCHWERE",
        "COMMAND" => "BEFEHL",
        _ => return None,
    })
}

/// `parent child`, or `child` at the root.
fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent} {child}")
    }
}

#[cfg(test)]
#[path = "../../core/tests/support/orthography.rs"]
mod orthography;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// Every command, argument and described value of the built tree (with clap's `help`
    /// subcommands and `-h`/`-V`), by path.
    fn walk(command: &Command, path: &str, out: &mut Vec<String>) {
        if about(path).is_none() {
            out.push(format!("command `{path}`"));
        }
        for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
            let id = arg.get_id().as_str();
            if arg_help(path, id, arg.get_long_help().is_some()).is_none() {
                out.push(format!("argument `{id}` of `{path}`"));
            }
            for value in arg.get_possible_values() {
                if value.get_help().is_some() && value_help(path, id, value.get_name()).is_none() {
                    out.push(format!(
                        "value `{}` of `{id}` of `{path}`",
                        value.get_name()
                    ));
                }
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &join(path, sub.get_name()), out);
        }
    }

    /// A new command, argument or value needs its German text here, or German `--help`
    /// would show its English one.
    #[test]
    fn every_command_and_argument_has_a_german_text() {
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        walk(&command, "", &mut missing);
        assert!(
            missing.is_empty(),
            "no German text for:\n{}",
            missing.join("\n")
        );
    }

    /// The German texts are German sentences (as the messages are).
    #[test]
    fn german_texts_pass_the_orthography_guard() {
        let mut command = command(Lang::De);
        let mut texts = Vec::new();
        fn collect(command: &Command, texts: &mut Vec<String>) {
            texts.extend(command.get_about().map(ToString::to_string));
            for arg in command.get_arguments() {
                texts.extend(arg.get_help().map(ToString::to_string));
                texts.extend(arg.get_long_help().map(ToString::to_string));
            }
            for sub in command.get_subcommands() {
                collect(sub, texts);
            }
        }
        collect(&command, &mut texts);
        let problems: Vec<String> = texts
            .iter()
            .flat_map(|text| orthography::problems(text))
            .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        let help = command.render_long_help().to_string();
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print",
            "[default",
            "possible values",
            "[OPTIONS]",
            "<FILE>",
        ] {
            assert!(!help.contains(english), "English `{english}` in {help}");
        }
    }
}
