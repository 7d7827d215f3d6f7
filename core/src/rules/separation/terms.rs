//! Term lists from the policy compiled into one lexicon, with what each term stands for.

use crate::config::localized;
use crate::rules::SettingError;
use crate::text::fold::Folded;
use crate::text::lexicon::{Lexicon, TermOptions};

/// One lexicon for several policy lists; `tags[i]` says what lexicon term `i` is.
pub(super) struct TermTable<T> {
    pub lexicon: Lexicon,
    pub tags: Vec<T>,
}

/// How a policy term is matched: German inflections always; a trailing `*` also matches
/// closed compounds (`Jogg*` → `Joggingrunde`).
pub(super) fn options_for(written: &str) -> (&str, TermOptions) {
    let trimmed = written.trim();
    match trimmed.strip_suffix('*') {
        Some(stem) => (
            stem.trim_end(),
            TermOptions {
                inflected: true,
                compound_prefix: true,
                ..TermOptions::default()
            },
        ),
        None => (
            trimmed,
            TermOptions {
                inflected: true,
                ..TermOptions::default()
            },
        ),
    }
}

impl<T> TermTable<T> {
    /// Compiles `(term, options, tag)` entries. A term that folds like an earlier one (the
    /// same word in two lists) is one lexicon term whose tags are combined with `merge`:
    /// the lexicon keeps only one of two identical matches.
    pub fn build<'a>(
        key: &'static str,
        entries: impl IntoIterator<Item = (&'a str, TermOptions, T)>,
        merge: impl Fn(&mut T, T),
    ) -> Result<TermTable<T>, SettingError> {
        let mut keys: Vec<String> = Vec::new();
        let mut terms: Vec<(&'a str, TermOptions)> = Vec::new();
        let mut tags: Vec<T> = Vec::new();
        for (term, options, tag) in entries {
            if term.is_empty() {
                return Err(SettingError {
                    key,
                    entry: None,
                    message: localized!(
                        de: "Die Liste enthält einen leeren Begriff",
                        en: "the list contains an empty term",
                    ),
                });
            }
            let folded = Folded::new(term).as_str().to_owned();
            match keys.iter().position(|k| *k == folded) {
                Some(index) => {
                    if let Some(existing) = tags.get_mut(index) {
                        merge(existing, tag);
                    }
                }
                None => {
                    keys.push(folded);
                    terms.push((term, options));
                    tags.push(tag);
                }
            }
        }
        let lexicon = Lexicon::new(terms).map_err(|error| SettingError {
            key,
            entry: None,
            message: localized!(
                de: "Die Begriffe lassen sich nicht übersetzen: {error}",
                en: "the terms cannot be compiled: {error}",
            ),
        })?;
        Ok(TermTable { lexicon, tags })
    }
}
