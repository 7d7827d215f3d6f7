//! `privacy.*`: personal data of citizens that must not appear in an official post
//! (DSGVO; DStGB guidelines §1(2): individual cases are not handled on social media).
pub(crate) mod case_reference;
pub(crate) mod email;
pub(crate) mod iban;
pub(crate) mod phone;

use std::sync::{Mutex, OnceLock, PoisonError};

use regex::Regex;

use crate::config::localized;
use crate::rules::SettingError;
use crate::text::TextView;

/// Compiles one of the rules' own patterns. They are constants covered by the tests, so an
/// error is a bug in freigabe; it is reported as a policy error instead of a panic, because a
/// panic would take the browser tab or the Python worker down with it.
///
/// Compiled once per process and pattern: accounts with the same settings (and every engine
/// built again from the same policy) share the compiled program, which is most of the time
/// `Engine::new` spends (the Unicode classes spelled out as ranges make large automata).
/// A clone shares the program and gets its own search cache.
pub(crate) fn built_in_regex(pattern: &str) -> Result<Regex, SettingError> {
    static COMPILED: Mutex<Vec<Regex>> = Mutex::new(Vec::new());
    // A poisoned lock only means another thread panicked while pushing; the list is intact.
    let mut compiled = COMPILED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(regex) = compiled.iter().find(|regex| regex.as_str() == pattern) {
        return Ok(regex.clone());
    }
    let regex = Regex::new(pattern).map_err(|error| SettingError {
        key: "<built-in>",
        entry: None,
        message: localized!(
            de: "Interner Fehler: Ein eingebautes Muster kompiliert nicht ({error})",
            en: "internal error: a built-in pattern does not compile ({error})",
        ),
    })?;
    // Bounded for services that reload many different policies.
    if compiled.len() >= 64 {
        compiled.remove(0);
    }
    compiled.push(regex.clone());
    Ok(regex)
}

/// A built-in pattern compiled at its first search: for patterns a rule runs only on the
/// drafts that can match (an `@` or a bracket for e-mail addresses, a line with a case label),
/// which spares the engine's compile their large automata and leaves them to the first draft
/// that needs them (see `compile_policy` for the first check's cost).
///
/// The patterns are constants covered by the tests, and the only policy text in them
/// (case labels) is escaped single words, so compiling cannot fail on a policy's account;
/// should it fail anyway, the pattern finds nothing rather than taking the check down.
pub(crate) struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    pub fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled pattern (shared with other rules through [`built_in_regex`]).
    pub fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| built_in_regex(&self.pattern).ok())
            .as_ref()
    }

    /// Whether the pattern matches somewhere in `text`, as [`Regex::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|regex| regex.is_match(text))
    }

    /// Every match with its groups, as [`Regex::captures_iter`].
    pub fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + 'r
    where
        't: 'r,
    {
        self.get()
            .into_iter()
            .flat_map(move |regex| regex.captures_iter(text))
    }

    /// The pattern as written.
    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

/// Whether `start..end` lies within a URL, hashtag or mention: part of an address, not
/// contact data written into the text. Only containment counts, because twitter-text
/// takes `k.schmidt` for a domain (`.schmidt` is a TLD) and such a "URL" must not hide the
/// address `k.schmidt@…` it starts.
pub(crate) fn in_entity(text: &TextView<'_>, start: usize, end: usize) -> bool {
    text.entities
        .iter()
        .any(|e| e.start <= start && end <= e.end)
}
