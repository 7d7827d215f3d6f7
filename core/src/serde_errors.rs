//! Puts serde's error messages (from TOML policies and JSON drafts) into our own words,
//! in German and English, with "did you mean".
//!
//! serde reports unknown keys and values as "unknown field `x`, expected one of `a`, `b`";
//! the candidates in that message are exactly the allowed names at that place, so the
//! suggestion needs no second copy of the format.

use crate::config::{Localized, did_you_mean};

mod syntax;

/// What kind of problem a serde message describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    UnknownKey,
    UnknownValue,
    MissingKey,
    InvalidValue,
    Syntax,
}

/// A serde message in our words.
pub(crate) struct Described {
    pub category: Category,
    pub message: Localized,
    pub help: Option<Localized>,
}

/// Describes a serde/TOML/JSON error message; `format` names the syntax (`TOML`, `JSON`).
pub(crate) fn describe(raw: &str, format: &str) -> Described {
    let raw = raw.trim();
    let first_line = raw.lines().next().unwrap_or(raw);
    // serde_json appends " at line 1 column 5"; the position is reported separately.
    let first_line = first_line.split(" at line ").next().unwrap_or(first_line);
    if let Some(rest) = first_line.strip_prefix("unknown field ") {
        let (unknown, expected) = split_unknown(rest);
        let (de, en) = if unknown.contains('.') {
            ("Unbekannte Regel", "unknown rule")
        } else {
            ("Unbekannter Schlüssel", "unknown key")
        };
        Described {
            category: Category::UnknownKey,
            message: Localized::new(format!("{de} `{unknown}`"), format!("{en} `{unknown}`")),
            help: Some(suggest(&unknown, &expected, "Erlaubt sind", "allowed here")),
        }
    } else if let Some(rest) = first_line.strip_prefix("unknown variant ") {
        let (unknown, expected) = split_unknown(rest);
        Described {
            category: Category::UnknownValue,
            message: Localized::new(
                format!("Unbekannter Wert `{unknown}`"),
                format!("unknown value `{unknown}`"),
            ),
            help: Some(suggest(
                &unknown,
                &expected,
                "Möglich sind",
                "possible values",
            )),
        }
    } else if let Some(rest) = first_line.strip_prefix("missing field ") {
        let key = rest.trim_matches('`');
        Described {
            category: Category::MissingKey,
            message: Localized::new(
                format!("Schlüssel `{key}` fehlt"),
                format!("missing key `{key}`"),
            ),
            help: Some(Localized::new(
                format!("`{key}` ergänzen"),
                format!("add `{key}`"),
            )),
        }
    } else if let Some((what, expected)) = first_line
        .strip_prefix("invalid value: ")
        .or_else(|| first_line.strip_prefix("invalid type: "))
        .and_then(|rest| rest.split_once(", expected "))
    {
        let (expected_de, expected_en) = humanize_expected(expected);
        let what = humanize_found(what);
        Described {
            category: Category::InvalidValue,
            message: Localized::new(
                format!("Ungültiger Wert {what}"),
                format!("invalid value {what}"),
            ),
            help: Some(Localized::new(
                format!("Erwartet: {expected_de}"),
                format!("expected {expected_en}"),
            )),
        }
    } else {
        let lowered = lowercase_first(first_line);
        // The parsers word their messages in English only.
        let german = syntax::in_german(first_line).unwrap_or_else(|| lowered.clone());
        Described {
            category: Category::Syntax,
            message: Localized::new(
                format!("Ungültiges {format}: {german}"),
                format!("invalid {format}: {lowered}"),
            ),
            help: raw.lines().nth(1).map(|hint| {
                let hint = hint.trim();
                Localized::new(hint.to_owned(), hint.to_owned())
            }),
        }
    }
}

/// Splits "`x`, expected one of `a`, `b`" into the unknown name and the candidates.
fn split_unknown(rest: &str) -> (String, Vec<String>) {
    let mut names = rest.split('`').skip(1).step_by(2).map(str::to_owned);
    let unknown = names.next().unwrap_or_default();
    (unknown, names.collect())
}

fn suggest(unknown: &str, expected: &[String], list_de: &str, list_en: &str) -> Localized {
    match did_you_mean(unknown, expected.iter().map(String::as_str)) {
        Some(close) => Localized::new(
            format!("Meinten Sie `{close}`?"),
            format!("did you mean `{close}`?"),
        ),
        None if expected.is_empty() => Localized::new(
            "An dieser Stelle sind keine weiteren Schlüssel erlaubt",
            "no further keys are allowed here",
        ),
        None => {
            let list = expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ");
            Localized::new(format!("{list_de}: {list}"), format!("{list_en}: {list}"))
        }
    }
}

/// serde's expectations name Rust types; users should read plain words.
fn humanize_expected(expected: &str) -> (String, String) {
    let (de, en) = match expected.trim() {
        "u8" | "u16" | "u32" | "u64" | "usize" => (
            "eine nicht negative ganze Zahl",
            "a non-negative whole number",
        ),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("eine ganze Zahl", "a whole number"),
        "a boolean" => ("`true` oder `false`", "`true` or `false`"),
        "a string" => ("ein Text in Anführungszeichen", "a quoted string"),
        "a sequence" => ("eine Liste `[…]`", "a list `[…]`"),
        other if other.starts_with("struct ") || other == "a map" => ("eine Tabelle", "a table"),
        other => return (other.to_owned(), other.to_owned()),
    };
    (de.to_owned(), en.to_owned())
}

fn humanize_found(found: &str) -> String {
    match found.split_once(' ') {
        Some(("integer" | "floating" | "string" | "boolean", value)) => {
            value.trim_start_matches("point ").to_owned()
        }
        _ => found.to_owned(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
