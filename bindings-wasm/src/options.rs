//! The option objects of the JavaScript API, read strictly: an unknown key is an error, so
//! a typo (`histroy`) cannot silently disable a check.

use std::collections::BTreeMap;

use freigabe::{HistoryEntry, Lang};
use jiff::Timestamp;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{BindingError, input_error};

/// The shipped `policies/base.toml`, for `extends = "base.toml"` without a `files` entry.
const BUNDLED_BASE: (&str, &str) = ("base.toml", include_str!("../../policies/base.toml"));

/// Entry name of a policy given without `path`, as in core's `Policy::from_toml`.
const DEFAULT_ENTRY: &str = "<policy>";

/// Options of `new Engine(policyToml, options)` (and `explain`, which reads only `lang`).
#[derive(Debug, Default)]
pub(crate) struct EngineOptions {
    pub lang: Lang,
    /// Policy files by path, for `extends`.
    pub files: BTreeMap<String, String>,
    /// The name of the given policy among `files`.
    pub path: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEngineOptions {
    lang: Option<String>,
    files: Option<BTreeMap<String, String>>,
    path: Option<String>,
}

/// Options of `engine.check(draft, options)`; both stay JS values until parsed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CheckOptions {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub history: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    pub now: JsValue,
}

impl EngineOptions {
    /// Reads `{lang, files, path}`; `undefined` and `null` mean the defaults.
    pub(crate) fn read(value: &JsValue) -> Result<EngineOptions, BindingError> {
        if value.is_undefined() || value.is_null() {
            return Ok(EngineOptions::default());
        }
        reject_unknown_keys(value, &["lang", "files", "path"], Lang::De)?;
        let raw: RawEngineOptions = serde_wasm_bindgen::from_value(value.clone())
            .map_err(|e| options_error(&e.to_string(), Lang::De))?;
        let lang = match raw.lang.as_deref() {
            None => Lang::De,
            Some(tag) => Lang::parse(tag).ok_or_else(|| {
                BindingError::invalid_option(
                    "lang",
                    tag,
                    ("`de` oder `en`", "`de` or `en`"),
                    Lang::De,
                )
            })?,
        };
        let files = raw
            .files
            .unwrap_or_default()
            .into_iter()
            .map(|(path, text)| (normalize(&path).to_owned(), text))
            .collect();
        Ok(EngineOptions {
            lang,
            files,
            path: raw.path,
        })
    }
}

impl CheckOptions {
    /// Reads `{history, now}`; `undefined` and `null` mean neither.
    pub(crate) fn read(value: &JsValue, lang: Lang) -> Result<CheckOptions, BindingError> {
        if value.is_undefined() || value.is_null() {
            return Ok(CheckOptions {
                history: JsValue::UNDEFINED,
                now: JsValue::UNDEFINED,
            });
        }
        reject_unknown_keys(value, &["history", "now"], lang)?;
        serde_wasm_bindgen::from_value(value.clone())
            .map_err(|e| options_error(&e.to_string(), lang))
    }
}

/// serde-wasm-bindgen reads only the fields it knows, so `deny_unknown_fields` alone would
/// let a misspelt option pass unnoticed.
fn reject_unknown_keys(value: &JsValue, known: &[&str], lang: Lang) -> Result<(), BindingError> {
    let Some(object) = value.dyn_ref::<js_sys::Object>() else {
        return Err(options_error("not an object", lang));
    };
    for key in js_sys::Object::keys(object) {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(BindingError::unknown_option(&key, known, lang));
        }
    }
    Ok(())
}

fn options_error(detail: &str, lang: Lang) -> BindingError {
    BindingError::invalid_option(
        "options",
        detail,
        (
            "Die Optionen stehen in `types/index.d.ts`",
            "the options are listed in `types/index.d.ts`",
        ),
        lang,
    )
}

/// The name the given policy has in its `extends` chain.
pub(crate) fn entry_name(path: Option<&str>) -> String {
    path.map_or(DEFAULT_ENTRY, normalize).to_owned()
}

/// `./base.toml` and `base.toml` name the same file.
fn normalize(path: &str) -> &str {
    path.trim_start_matches("./")
}

/// The text of a file an `extends` names: from `files`, else the bundled base policy.
pub(crate) fn read_policy_file(
    files: &BTreeMap<String, String>,
    path: &str,
) -> std::io::Result<String> {
    if let Some(text) = files.get(normalize(path)) {
        return Ok(text.clone());
    }
    if normalize(path) == BUNDLED_BASE.0 {
        return Ok(BUNDLED_BASE.1.to_owned());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("`{path}` is not in the `files` option"),
    ))
}

/// History as an array of entries or as JSON Lines text, through core's parser.
pub(crate) fn parse_history(
    value: &JsValue,
    lang: Lang,
) -> Result<Vec<HistoryEntry>, BindingError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let (text, from_text) = match value.as_string() {
        Some(text) => (text, true),
        None => (
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| BindingError::not_json(lang))?,
            false,
        ),
    };
    freigabe::wire::parse_history(&text).map_err(|mut e| {
        // A position in JSON the caller never wrote would mislead.
        if !from_text {
            e.position = None;
        }
        input_error(&e, lang)
    })
}

/// `now` as an RFC 3339 string or a `Date`.
pub(crate) fn parse_now(value: &JsValue, lang: Lang) -> Result<Option<Timestamp>, BindingError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text = match value.dyn_ref::<js_sys::Date>() {
        Some(date) if date.get_time().is_nan() => "Invalid Date".to_owned(),
        Some(date) => String::from(date.to_iso_string()),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    };
    text.parse::<Timestamp>().map(Some).map_err(|_| {
        BindingError::invalid_option(
            "now",
            &text,
            (
                "Ein `Date` oder ein RFC-3339-Zeitpunkt mit Versatz, z. B. `2026-05-04T10:00:00+02:00`",
                "a `Date` or an RFC 3339 time with offset, e.g. `2026-05-04T10:00:00+02:00`",
            ),
            lang,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extends_resolves_files_then_the_bundled_base() {
        let files = BTreeMap::from([("stadt.toml".to_owned(), "name = \"x\"".to_owned())]);
        assert_eq!(
            read_policy_file(&files, "./stadt.toml").unwrap(),
            "name = \"x\""
        );
        assert!(
            read_policy_file(&files, "base.toml")
                .unwrap()
                .contains("[rules")
        );
        let missing = read_policy_file(&files, "kreis.toml").unwrap_err();
        assert_eq!(
            missing.to_string(),
            "`kreis.toml` is not in the `files` option"
        );
    }

    #[test]
    fn entry_name_defaults_like_a_string_policy() {
        assert_eq!(entry_name(None), "<policy>");
        assert_eq!(entry_name(Some("./stadt.toml")), "stadt.toml");
    }
}
