//! `privacy.*`: personal data of citizens that must not appear in an official post
//! (DSGVO; DStGB guidelines §1(2): individual cases are not handled on social media).
pub(crate) mod case_reference;
pub(crate) mod email;
pub(crate) mod iban;
pub(crate) mod phone;

use std::sync::{Mutex, PoisonError};

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

/// Whether `start..end` lies within a URL, hashtag or mention: part of an address, not
/// contact data written into the text. Only containment counts, because twitter-text
/// takes `k.schmidt` for a domain (`.schmidt` is a TLD) and such a "URL" must not hide the
/// address `k.schmidt@…` it starts.
pub(crate) fn in_entity(text: &TextView<'_>, start: usize, end: usize) -> bool {
    text.entities
        .iter()
        .any(|e| e.start <= start && end <= e.end)
}
