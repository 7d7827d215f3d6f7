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
