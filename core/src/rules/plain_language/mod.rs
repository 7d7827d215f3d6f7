//! `plain-language.*`: bureaucratic words and phrases (Amtsdeutsch) and abbreviations, each
//! with a plainer alternative. Both rules read their built-in lexicon from
//! `core/data/bureaucratic.toml`; a policy adds terms (`add`) and drops built-in ones
//! (`allow`).
pub(crate) mod abbreviations;
pub(crate) mod bureaucratic;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::{did_you_mean, localized};
use crate::rules::SettingError;
use crate::text::fold::Folded;
use crate::text::lexicon::{Lexicon, TermOptions};
use crate::text::{Region, TextView};

const LEXICON_FILE: &str = include_str!("../../../data/bureaucratic.toml");

/// A term a policy adds to a `plain-language.*` lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "PlainLanguageTerm")]
pub struct CustomTerm {
    /// The word, phrase or abbreviation, e.g. `Wertstoffinsel` (any case).
    pub term: String,
    /// The plainer alternative named in the message, e.g. `Container`.
    pub instead: String,
    /// Offer `instead` as a replacement. Only if it fits wherever the term can stand
    /// (same word class, gender and case); otherwise it is named in the help text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suggest: bool,
    /// Also match inflected forms (`-e`, `-en`, `-er`, `-es`, `-s`, `-in`, `-innen` …).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inflected: bool,
}
crate::config::read::policy_struct!(CustomTerm {
    term: required,
    instead: required,
    suggest,
    inflected
});

/// An entry of the built-in lexicon file (keys documented at the top of the file).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct BuiltinTerm {
    pub term: String,
    pub instead: String,
    #[serde(default)]
    pub suggest: bool,
    #[serde(default)]
    pub inflected: bool,
    #[serde(default)]
    pub inflects_as: Option<String>,
    #[serde(default)]
    pub plain: Option<String>,
    #[serde(default)]
    pub closing: bool,
}
crate::config::read::policy_struct!(BuiltinTerm {
    term: required,
    instead: required,
    suggest,
    inflected,
    inflects_as,
    plain,
    closing,
});

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BuiltinLexicons {
    pub bureaucratic: Vec<BuiltinTerm>,
    pub abbreviation: Vec<BuiltinTerm>,
}
crate::config::read::policy_struct!(BuiltinLexicons {
    bureaucratic: required,
    abbreviation: required,
});

/// The built-in lexicons, parsed once per process.
pub(crate) fn builtin() -> Result<&'static BuiltinLexicons, SettingError> {
    static PARSED: OnceLock<Result<BuiltinLexicons, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| crate::config::de::read(LEXICON_FILE).map_err(|e| e.message))
        .as_ref()
        .map_err(|reason| SettingError {
            key: "add",
            entry: None,
            message: localized!(
                de: "Die eingebaute Wortliste `bureaucratic.toml` ist fehlerhaft: {reason}",
                en: "the built-in word list `bureaucratic.toml` is invalid: {reason}",
            ),
        })
}

/// One compiled term: what to say and what to offer when it is found.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub instead: String,
    pub suggest: bool,
    pub inflects_as: Option<String>,
    pub plain: Option<String>,
    pub closing: bool,
    /// The term is listed with a capital (a noun such as `Sorge tragen`), so a capital in
    /// the text says nothing about the start of a sentence.
    pub capitalised: bool,
    /// The term as folded for matching, to tell the inflection ending of a match.
    folded: String,
    /// Whether the term is spelt with separators between letters (`i. V.`), so a match
    /// must be too (`IV` is a numeral, `so` a word, not `s. o.`).
    spelt_out: bool,
}

impl Entry {
    /// Whether the term ends in `-e` (declension class for carrying endings over).
    pub fn ends_in_e(&self) -> bool {
        self.folded.ends_with('e')
    }

    /// Whether the term is listed with dots (`bzw.`, `z. B.`), so a match without a dot is
    /// some other word (`ca` in a name) or a numeral.
    pub fn dotted(&self) -> bool {
        self.spelt_out || self.folded.contains('.')
    }
}

/// A lexicon with its entries: built-in terms minus `allow`, plus `add`.
pub(crate) struct TermSet {
    lexicon: Lexicon,
    entries: Vec<Entry>,
    /// Entry index per lexicon term (an inflected entry has a second term for `-em`).
    owner: Vec<usize>,
}

/// A term found in the draft.
pub(crate) struct TermMatch<'e> {
    pub entry: &'e Entry,
    pub span: Range<usize>,
    /// The inflection ending after the term (`e` in `unverzügliche`), empty for the base form.
    pub ending: String,
}

impl TermSet {
    /// Compiles the lexicon once; `add` replaces built-in entries of the same term.
    pub fn new(
        builtin: &[BuiltinTerm],
        add: Option<&Vec<CustomTerm>>,
        allow: Option<&Vec<String>>,
    ) -> Result<TermSet, SettingError> {
        let allowed: Vec<String> = allow.into_iter().flatten().map(|t| fold(t)).collect();
        // A misspelt exception would silently keep the term: refuse it, naming the closest.
        for (index, (written, folded)) in allow.into_iter().flatten().zip(&allowed).enumerate() {
            if builtin.iter().any(|entry| fold(&entry.term) == *folded) {
                continue;
            }
            let hint = did_you_mean(written, builtin.iter().map(|entry| entry.term.as_str()))
                .map(|close| format!(" (`{close}`?)"))
                .unwrap_or_default();
            return Err(SettingError {
                key: "allow",
                entry: Some(index),
                message: localized!(
                    de: "`{written}` steht nicht in der eingebauten Liste{hint}",
                    en: "`{written}` is not in the built-in list{hint}",
                ),
            });
        }
        let mut terms: Vec<BuiltinTerm> = builtin
            .iter()
            .filter(|entry| !allowed.contains(&fold(&entry.term)))
            .cloned()
            .collect();
        for (index, custom) in add.into_iter().flatten().enumerate() {
            if fold(&custom.term).is_empty() || custom.instead.trim().is_empty() {
                let term = &custom.term;
                return Err(SettingError {
                    key: "add",
                    entry: Some(index),
                    message: localized!(
                        de: "Eintrag `{term}` braucht einen Begriff (`term`) und eine Alternative (`instead`)",
                        en: "entry `{term}` needs a term (`term`) and an alternative (`instead`)",
                    ),
                });
            }
            terms.retain(|entry| fold(&entry.term) != fold(&custom.term));
            terms.push(BuiltinTerm {
                term: custom.term.clone(),
                instead: custom.instead.clone(),
                suggest: custom.suggest,
                inflected: custom.inflected,
                inflects_as: None,
                plain: None,
                closing: false,
            });
        }

        let mut patterns: Vec<(String, TermOptions)> = Vec::new();
        let mut owner = Vec::new();
        let mut entries = Vec::with_capacity(terms.len());
        for (index, term) in terms.into_iter().enumerate() {
            let written = term.term.trim().to_owned();
            let options = TermOptions {
                inflected: term.inflected,
                ..TermOptions::default()
            };
            patterns.push((written.clone(), options));
            owner.push(index);
            if term.inflected {
                // The lexicon's endings lack the dative `-em` of adjectives (`obigem`).
                patterns.push((format!("{written}em"), TermOptions::default()));
                owner.push(index);
            }
            entries.push(Entry {
                instead: term.instead,
                suggest: term.suggest,
                inflects_as: term.inflects_as,
                plain: term.plain,
                closing: term.closing,
                capitalised: written.chars().next().is_some_and(char::is_uppercase),
                folded: fold(&written),
                spelt_out: is_spelt_out(&written),
            });
        }
        let lexicon =
            Lexicon::new(patterns.iter().map(|(t, o)| (t.as_str(), *o))).map_err(|reason| {
                SettingError {
                    key: "add",
                    entry: None,
                    message: localized!(
                        de: "Die Wortliste ist ungültig: {reason}",
                        en: "the word list cannot be compiled: {reason}",
                    ),
                }
            })?;
        Ok(TermSet {
            lexicon,
            entries,
            owner,
        })
    }

    /// The compiled terms, for the account's combined automaton.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Terms in the text where the city speaks itself: not in links, mentions or
    /// quotations (a quoted title or statement is not the city's wording).
    pub fn find<'s>(&'s self, view: &TextView<'_>) -> Vec<TermMatch<'s>> {
        self.lexicon
            .find(view)
            .into_iter()
            .filter(|found| {
                matches!(
                    view.region_at(found.span.start),
                    Region::Plain | Region::Hashtag
                )
            })
            .filter_map(|found| {
                let entry = self.entries.get(*self.owner.get(found.term)?)?;
                let written = view.text.get(found.span.clone())?;
                if entry.spelt_out && !has_inner_separator(written) {
                    return None;
                }
                let folded_written = fold(written);
                let ending = folded_written
                    .strip_prefix(entry.folded.as_str())
                    .unwrap_or_default()
                    .to_owned();
                Some(TermMatch {
                    entry,
                    span: found.span,
                    ending,
                })
            })
            .collect()
    }
}

fn fold(term: &str) -> String {
    Folded::new(term.trim()).as_str().to_owned()
}

/// `z. B.`, `i. d. R.`: letters with separators between them.
fn is_spelt_out(term: &str) -> bool {
    has_inner_separator(term) && term.split([' ', '.']).any(|part| part.chars().count() == 1)
}

/// Whether a non-alphanumeric character stands between the first and the last letter.
fn has_inner_separator(written: &str) -> bool {
    written
        .trim_matches(|c: char| !c.is_alphanumeric())
        .contains(|c: char| !c.is_alphanumeric())
}

/// Adapts a replacement to how the replaced words were written: a capital at the start of
/// a sentence stays (`Unverzüglich` → `Sofort`), shouting stays shouting. A term listed
/// with a capital (`Sorge tragen`) is a noun, so its capital is no sentence start.
pub(crate) fn match_case(written: &str, replacement: &str, listed_capitalised: bool) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let starts_upper = !listed_capitalised && letters.first().is_some_and(|c| c.is_uppercase());
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement.to_owned(),
    }
}

/// `zu, über` → "`zu` oder `über`" (`or` is the language's word).
pub(crate) fn alternatives(instead: &str, or: &str) -> String {
    instead
        .split(", ")
        .map(|alternative| format!("`{}`", alternative.trim()))
        .collect::<Vec<_>>()
        .join(&format!(" {or} "))
}
