//! WebAssembly bindings of freigabe: the npm package `freigabe` for browser editors and Node.
//!
//! This crate converts types and errors and nothing else; every check lives in the core
//! crate. JavaScript gets plain objects in the report contract of `DESIGN.md` (maps as
//! objects, `null` for absent values) and `Error` objects named `FreigabeError` with `kind`,
//! `message`, `help`, `line`, `column` and `file`. The TypeScript declarations are in
//! `types/index.d.ts`.
#![deny(missing_docs)]

mod errors;
mod options;

use freigabe::{Draft, Lang, Platform, Policy, wire};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::errors::{BindingError, input_error, policy_error};
use crate::options::{
    CheckOptions, EngineOptions, entry_name, parse_history, parse_now, read_policy_file,
};

/// A compiled policy. Build it once, check many drafts; `free()` releases its memory.
#[wasm_bindgen]
pub struct Engine {
    inner: freigabe::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Compiles a policy given as TOML text. Options: `lang` (`"de"` default, `"en"`) for
    /// messages; `files` ({path: toml}) for the files its `extends` chain names, and `path`,
    /// the name of this policy among them (default `<policy>`). `extends = "base.toml"` falls
    /// back to the `policies/base.toml` shipped inside the package.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = "policyToml")] policy_toml: &str,
        options: JsValue,
    ) -> Result<Engine, JsValue> {
        let options = EngineOptions::read(&options)?;
        let entry = entry_name(options.path.as_deref());
        let policy = Policy::load(&entry, |path| {
            if path == entry {
                Ok(policy_toml.to_owned())
            } else {
                read_policy_file(&options.files, path)
            }
        })
        .map_err(|e| policy_error(&e, options.lang))?;
        let inner = freigabe::Engine::new(policy)
            .map_err(|e| policy_error(&e, options.lang))?
            .with_lang(options.lang);
        Ok(Engine { inner })
    }

    /// Checks a draft: a string (plain text for the default account) or a draft object.
    /// Options: `history` (array of earlier posts or JSON Lines text) and `now` (RFC 3339
    /// string or `Date`), the reference time of time-based rules.
    pub fn check(&self, draft: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let lang = self.inner.lang();
        let draft = if let Some(text) = draft.as_string() {
            Draft::new(text)
        } else if draft.is_object() {
            // Through core's JSON entry point, so every binding rejects the same drafts
            // with the same words. The position refers to JSON the caller never saw.
            wire::parse_draft(&stringify(&draft, lang)?).map_err(|mut e| {
                e.position = None;
                input_error(&e, lang)
            })?
        } else {
            return Err(BindingError::draft_type(lang).into());
        };
        let options = CheckOptions::read(&options, lang)?;
        let history = parse_history(&options.history, lang)?;
        let now = parse_now(&options.now, lang)?;
        let report = self
            .inner
            .check(&draft, &history, now)
            .map_err(|e| input_error(&e, lang))?;
        to_js(&report)
    }

    /// `sha256:` digest of the canonical policy (after `extends`), for audit records.
    #[wasm_bindgen(getter, js_name = "policyDigest")]
    pub fn policy_digest(&self) -> String {
        self.inner.policy().digest().to_owned()
    }

    /// Ids of the policy's accounts.
    pub fn accounts(&self) -> Vec<String> {
        self.inner
            .policy()
            .account_ids()
            .map(str::to_owned)
            .collect()
    }

    /// The policy's accounts as a front end shows them: `{id, display_name, kind,
    /// platforms, default}`.
    #[wasm_bindgen(js_name = accountDetails)]
    pub fn account_details(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.accounts())
    }
}

/// Length of `text` as `platform` counts it and the platform's built-in limit, as numbers:
/// `[length, limit, valid ? 1 : 0]`. The package's `count` (`data.js`) makes the
/// `{platform, length, limit, valid}` object of them in JS: an object built from wasm
/// (one call across per property) cost more than the count of a short text.
#[wasm_bindgen(js_name = "countNumbers")]
pub fn count_numbers(platform: &str, text: &str) -> Result<Vec<f64>, JsValue> {
    let Some(parsed) = Platform::parse(platform) else {
        return Err(BindingError::unknown_platform(platform, Lang::De).into());
    };
    let counted =
        freigabe::count_text(parsed, text).map_err(|e| BindingError::internal(&e.to_string()))?;
    // Exact: lengths and limits of texts in wasm memory are far below 2^53.
    Ok(vec![
        counted.length as f64,
        counted.limit as f64,
        f64::from(u8::from(counted.valid)),
    ])
}

/// One rule for editor UIs: id, family, human title, one-sentence summary and defaults.
#[derive(Serialize)]
struct RuleSummary {
    id: &'static str,
    family: &'static str,
    title: &'static str,
    summary: String,
    default_severity: &'static str,
    default_enabled: bool,
}

/// Every rule of the engine, in registry order. Options: `lang` for titles and summaries.
#[wasm_bindgen]
pub fn rules(options: JsValue) -> Result<JsValue, JsValue> {
    let lang = EngineOptions::read(&options)?.lang;
    let rules: Vec<RuleSummary> = freigabe::all_rules()
        .map(|rule| RuleSummary {
            id: rule.id,
            family: rule
                .id
                .split_once('.')
                .map_or(rule.id, |(family, _)| family),
            title: rule.title(lang),
            summary: rule.summary(lang),
            default_severity: rule.default_severity.as_str(),
            default_enabled: rule.default_enabled,
        })
        .collect();
    to_js(&rules)
}

/// Throws the `unknown-rule` error when `ruleId` names no rule; else returns the language
/// (`"de"` or `"en"`) whose documentation `explain` (`data.js`) then reads from `rules.json`,
/// which the module does not carry. Options: `lang` for the error and the documentation.
#[wasm_bindgen(js_name = "checkRuleId")]
pub fn check_rule_id(
    #[wasm_bindgen(js_name = "ruleId")] rule_id: &str,
    options: JsValue,
) -> Result<String, JsValue> {
    let lang = EngineOptions::read(&options)?.lang;
    match freigabe::rule_info(rule_id) {
        Some(_) => Ok(match lang {
            Lang::En => "en",
            _ => "de",
        }
        .to_owned()),
        None => Err(BindingError::unknown_rule(rule_id, lang).into()),
    }
}

/// Makes every IANA time zone available to policies, from the package's `tzdb.bin`
/// (`loadTimeZones` in `web/index.js` fetches it). Europe/Berlin and UTC need no data.
#[wasm_bindgen(js_name = "loadTimeZoneData")]
pub fn load_time_zone_data(data: &[u8]) -> Result<(), JsValue> {
    freigabe::load_time_zone_data(data).map_err(|e| BindingError::internal(&e.to_string()).into())
}

/// Version of the engine, as recorded in every report.
#[wasm_bindgen]
pub fn version() -> String {
    freigabe::ENGINE_VERSION.to_owned()
}

/// Plain JS objects: maps become objects, absent values `null`, numbers stay numbers.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| BindingError::internal(&e.to_string()).into())
}

fn stringify(value: &JsValue, lang: Lang) -> Result<String, BindingError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| BindingError::not_json(lang))
}
