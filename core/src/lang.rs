//! Message language. German is the default: our users are German press offices.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Language of messages and help texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// German (default).
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Parses `de`/`en` (case-insensitive, `de-DE` style tags accepted).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Formats a message in the requested language; both texts may capture variables.
///
/// Only the chosen text is formatted, so a rule pays for one `format!` per finding.
macro_rules! tr {
    ($lang:expr, de: $de:literal, en: $en:literal $(,)?) => {
        match $lang {
            $crate::lang::Lang::De => format!($de),
            $crate::lang::Lang::En => format!($en),
        }
    };
}
pub(crate) use tr;

/// An integer for a German message: a dot between groups of three digits (`63.206`), as
/// German readers write counts; English messages keep the plain digits.
pub(crate) fn grouped(value: impl std::fmt::Display, lang: Lang) -> String {
    let written = value.to_string();
    if lang == Lang::En {
        return written;
    }
    let (sign, digits) = match written.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", written.as_str()),
    };
    let mut out = String::with_capacity(written.len() + digits.len() / 3);
    out.push_str(sign);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// The singular or the plural noun for `count`: „1 Befund“, „2 Befunde“.
pub(crate) fn plural<'a, N: PartialEq + From<u8>>(
    count: N,
    one: &'a str,
    many: &'a str,
) -> &'a str {
    if count == N::from(1) { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_counts_group_thousands() {
        assert_eq!(grouped(63_206, Lang::De), "63.206");
        assert_eq!(grouped(2_200u32, Lang::De), "2.200");
        assert_eq!(grouped(477, Lang::De), "477");
        assert_eq!(grouped(-1_234_567i64, Lang::De), "-1.234.567");
        assert_eq!(grouped(63_206, Lang::En), "63206");
    }

    #[test]
    fn plurals_follow_the_count() {
        assert_eq!(plural(1usize, "Befund", "Befunde"), "Befund");
        assert_eq!(plural(0u64, "Befund", "Befunde"), "Befunde");
        assert_eq!(plural(2u32, "Befund", "Befunde"), "Befunde");
    }
}
