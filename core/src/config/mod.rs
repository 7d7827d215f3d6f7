//! The policy readers: TOML values read into settings structs with serde's messages and
//! spans, layered policy files merged, and the texts in both message languages that
//! settings and their errors carry. Every module that declares settings reads them with
//! these; none of them knows the policy as a whole.

pub(crate) mod de;
pub(crate) mod merge;
pub(crate) mod read;

use crate::lang::Lang;

/// A text in every message language. Boxed strings keep error types small, so `Result`s
/// stay cheap on the happy path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    /// German.
    pub de: Box<str>,
    /// English.
    pub en: Box<str>,
}

impl Localized {
    /// Both languages at once.
    pub fn new(de: impl Into<Box<str>>, en: impl Into<Box<str>>) -> Localized {
        Localized {
            de: de.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// Builds a [`Localized`] with `format!` in both languages.
macro_rules! localized {
    (de: $de:literal, en: $en:literal $(,)?) => {
        $crate::config::Localized {
            de: format!($de).into(),
            en: format!($en).into(),
        }
    };
}
pub(crate) use localized;

/// A name a front end was given and core does not know, worded once for every front end:
/// the message and how to fix it, both in every message language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// One line, a German sentence like the other messages: ``Unbekannte Plattform `xx` ``.
    pub message: Localized,
    /// The close name ("Meinten Sie …?") or where the names are listed.
    pub help: Localized,
}

/// The candidate closest to `unknown`, if it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), c))
        .filter(|&(score, _)| score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_candidates_only() {
        let keys = ["platforms", "editors", "imprint"];
        assert_eq!(did_you_mean("platfroms", keys), Some("platforms"));
        assert_eq!(did_you_mean("impressum", keys), None);
    }
}
