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
///
/// ```
/// use freigabe::lang::{Lang, grouped};
/// assert_eq!(grouped(63_206, Lang::De), "63.206");
/// assert_eq!(grouped(63_206, Lang::En), "63206");
/// ```
pub fn grouped(value: impl std::fmt::Display, lang: Lang) -> String {
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

/// A number for a message with at most `digits` decimals and no trailing zeros: a decimal
/// comma and [`grouped`] thousands in German (`1.234,5`), a point in English (`1234.5`).
///
/// ```
/// use freigabe::lang::{Lang, decimal};
/// assert_eq!(decimal(14.25, 1, Lang::De), "14,2");
/// assert_eq!(decimal(50.0, 1, Lang::De), "50");
/// assert_eq!(decimal(1234.5, 1, Lang::De), "1.234,5");
/// ```
pub fn decimal(value: f64, digits: usize, lang: Lang) -> String {
    let written = format!("{value:.digits$}");
    let written = if written.contains('.') {
        written
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        written
    };
    match lang {
        Lang::En => written,
        Lang::De => match written.split_once('.') {
            Some((whole, fraction)) => format!("{},{fraction}", grouped(whole, lang)),
            None => grouped(written, lang),
        },
    }
}

/// A count with its noun in the right number, the count [`grouped`]: „1 Konto“,
/// „1.204 Beiträge“.
///
/// ```
/// use freigabe::lang::{Lang, counted};
/// assert_eq!(counted(1, "Konto", "Konten", Lang::De), "1 Konto");
/// assert_eq!(counted(1_204, "Beitrag", "Beiträge", Lang::De), "1.204 Beiträge");
/// ```
pub fn counted(count: u64, one: &str, many: &str, lang: Lang) -> String {
    format!("{} {}", grouped(count, lang), plural(count, one, many))
}

/// The singular or the plural noun for `count`: „1 Befund“, „2 Befunde“.
pub fn plural<'a, N: PartialEq + From<u8>>(count: N, one: &'a str, many: &'a str) -> &'a str {
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
    fn decimals_in_german_and_english() {
        assert_eq!(decimal(14.25, 1, Lang::De), "14,2");
        assert_eq!(decimal(1.5, 2, Lang::En), "1.5");
        assert_eq!(decimal(50.0, 1, Lang::De), "50");
        assert_eq!(decimal(37.6, 0, Lang::De), "38");
        assert_eq!(decimal(1.0, 1, Lang::En), "1");
        assert_eq!(decimal(-1234.56, 2, Lang::De), "-1.234,56");
        assert_eq!(decimal(1234.5, 1, Lang::En), "1234.5");
    }

    #[test]
    fn plurals_follow_the_count() {
        assert_eq!(plural(1usize, "Befund", "Befunde"), "Befund");
        assert_eq!(plural(0u64, "Befund", "Befunde"), "Befunde");
        assert_eq!(plural(2u32, "Befund", "Befunde"), "Befunde");
    }
}
