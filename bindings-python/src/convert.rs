//! Python arguments into core types: drafts, history, `now`, languages, thread counts.
//!
//! Dicts go through `pythonize` into core's serde types and core's `wire` functions, so a
//! Python dict is refused with the same words as the same draft in JSON.

use std::num::NonZeroUsize;

use freigabe::policy::Localized;
use freigabe::{Draft, HistoryEntry, InputError, Lang, Platform, wire};
use jiff::Timestamp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pythonize::Depythonizer;

use crate::errors::{argument_error, input_error};

/// `de`/`en` (also `de-DE`, `en_GB`) into a language.
pub fn lang(py: Python<'_>, tag: &str) -> PyResult<Lang> {
    Lang::parse(tag).ok_or_else(|| {
        argument_error(
            py,
            &Localized::new(
                format!("Unbekannte Sprache `{tag}`"),
                format!("unknown language `{tag}`"),
            ),
            &Localized::new("`de` oder `en` angeben", "use `de` or `en`"),
            Lang::De,
        )
    })
}

/// A platform name (`x`, `mastodon`, `instagram`…).
pub fn platform(py: Python<'_>, name: &str, lang: Lang) -> PyResult<Platform> {
    Platform::parse(name).ok_or_else(|| {
        let unknown = wire::unknown_platform(name);
        argument_error(py, &unknown.message, &unknown.help, lang)
    })
}

/// The language tag of `lang`.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        _ => "de",
    }
}

/// The draft argument of `check`: a dict with the contract's keys, or a `str` with
/// `account`/`platforms` given as keywords (which also override a dict's keys).
pub fn draft(
    value: &Bound<'_, PyAny>,
    account: Option<&str>,
    platforms: Option<&Bound<'_, PyAny>>,
) -> PyResult<Result<Draft, InputError>> {
    let py = value.py();
    let converted = with_times_as_text(value)?;
    let value = converted.as_ref().unwrap_or(value);
    if account.is_none() && platforms.is_none() && !value.is_instance_of::<PyString>() {
        return Ok(wire::draft_from(&mut Depythonizer::from_object(value)));
    }
    let dict = if let Ok(text) = value.cast::<PyString>() {
        let dict = PyDict::new(py);
        dict.set_item("text", text)?;
        dict
    } else if let Ok(dict) = value.cast::<PyDict>() {
        dict.copy()?
    } else {
        return Ok(wire::draft_from(&mut Depythonizer::from_object(value)));
    };
    if let Some(account) = account {
        dict.set_item("account", account)?;
    }
    if let Some(platforms) = platforms {
        dict.set_item("platforms", platforms)?;
    }
    Ok(wire::draft_from(&mut Depythonizer::from_object(
        dict.as_any(),
    )))
}

/// Drafts of a batch, one `Result` each, so one broken record does not stop the others.
pub fn drafts(items: Vec<Bound<'_, PyAny>>) -> PyResult<Vec<Result<Draft, InputError>>> {
    items.iter().map(|item| draft(item, None, None)).collect()
}

/// History: `None`, a list of dicts, or JSON / JSON Lines text.
pub fn history(value: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<Vec<HistoryEntry>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let parsed = match value.cast::<PyString>() {
        Ok(text) => wire::parse_history(&text.to_cow()?),
        Err(_) => {
            let converted = with_times_as_text(value)?;
            let value = converted.as_ref().unwrap_or(value);
            wire::history_from(&mut Depythonizer::from_object(value))
        }
    };
    parsed.map_err(|error| input_error(value.py(), &error, lang, None))
}

/// A copy of `value` with `datetime` objects (also pandas `Timestamp`s) as ISO 8601 text,
/// the way the contract writes times, or None when it holds none. Dicts and lists are
/// searched; other values are left to the draft's own validation.
fn with_times_as_text<'py>(value: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if value.is_instance_of::<PyString>() {
        return Ok(None);
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut copy: Option<Bound<'py, PyDict>> = None;
        for (key, item) in dict.iter() {
            if let Some(text) = with_times_as_text(&item)? {
                let target = match &copy {
                    Some(target) => target.clone(),
                    None => copy.insert(dict.copy()?).clone(),
                };
                target.set_item(key, text)?;
            }
        }
        return Ok(copy.map(Bound::into_any));
    }
    if let Ok(list) = value.cast::<PyList>() {
        let mut items = Vec::with_capacity(list.len());
        let mut changed = false;
        for item in list.iter() {
            match with_times_as_text(&item)? {
                Some(text) => {
                    changed = true;
                    items.push(text);
                }
                None => items.push(item),
            }
        }
        return if changed {
            Ok(Some(PyList::new(value.py(), items)?.into_any()))
        } else {
            Ok(None)
        };
    }
    if value.hasattr("isoformat")? && value.hasattr("tzinfo")? {
        return Ok(Some(value.call_method0("isoformat")?));
    }
    Ok(None)
}

/// `now`: `None`, an RFC 3339 string or a timezone-aware `datetime`.
pub fn now(value: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<Option<Timestamp>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let py = value.py();
    let text: String = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if value.hasattr("isoformat")? && value.hasattr("tzinfo")? {
        if value.getattr("tzinfo")?.is_none() {
            return Err(argument_error(
                py,
                &Localized::new("`now` hat keine Zeitzone", "`now` has no time zone"),
                &Localized::new(
                    "Eine Zeit mit Zeitzone übergeben, z. B. `datetime.now(timezone.utc)`",
                    "pass an aware time, such as `datetime.now(timezone.utc)`",
                ),
                lang,
            ));
        }
        value.call_method0("isoformat")?.extract()?
    } else {
        value.str()?.to_cow()?.into_owned()
    };
    text.parse::<Timestamp>().map(Some).map_err(|error| {
        argument_error(
            py,
            &Localized::new(
                format!("`now` ist keine gültige Zeit `{text}`: {error}"),
                format!("`now` is not a valid time `{text}`: {error}"),
            ),
            &Localized::new(
                "RFC 3339 mit Versatz angeben, z. B. `2026-05-04T10:00:00+02:00`",
                "use RFC 3339 with an offset, such as `2026-05-04T10:00:00+02:00`",
            ),
            lang,
        )
    })
}

/// `threads`: `None` (all cores) or a positive number.
pub fn threads(py: Python<'_>, value: Option<usize>, lang: Lang) -> PyResult<Option<NonZeroUsize>> {
    match value {
        None => Ok(None),
        Some(n) => NonZeroUsize::new(n).map(Some).ok_or_else(|| {
            argument_error(
                py,
                &Localized::new("`threads` ist 0", "`threads` is 0"),
                &Localized::new(
                    "Mindestens 1 angeben oder `None` für alle Kerne",
                    "use at least 1, or `None` for every core",
                ),
                lang,
            )
        }),
    }
}

/// What a batch does with a draft that cannot be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Raise the first error, with its `index`.
    Raise,
    /// Put the exception object at the draft's place in the results.
    Return,
}

/// `on_error`: `"raise"` or `"return"`.
pub fn on_error(py: Python<'_>, value: &str, lang: Lang) -> PyResult<OnError> {
    match value {
        "raise" => Ok(OnError::Raise),
        "return" => Ok(OnError::Return),
        other => Err(argument_error(
            py,
            &Localized::new(
                format!("Unbekannter Wert `{other}` für `on_error`"),
                format!("unknown value `{other}` for `on_error`"),
            ),
            &Localized::new(
                "`\"raise\"` oder `\"return\"` angeben",
                "use `\"raise\"` or `\"return\"`",
            ),
            lang,
        )),
    }
}
