//! Parsing of the JSON inputs every front end accepts (drafts, history, batch lines), with
//! errors that carry line, column and a hint. Bindings call these instead of parsing
//! themselves, so all of them reject the same inputs with the same words.

use serde::Deserialize;

mod source;
pub use source::{TextInSource, json_string_content};

use crate::draft::{Draft, HistoryEntry};
use crate::error::{InputError, InputErrorKind, MAX_DRAFT_BYTES};
use crate::policy::{Localized, localized};
use crate::serde_errors::describe;

/// Parses a draft from JSON.
pub fn parse_draft(json: &str) -> Result<Draft, InputError> {
    if json.len() > MAX_DRAFT_BYTES.saturating_mul(2) {
        return Err(too_large(json.len()));
    }
    let draft: Draft = serde_json::from_str(json).map_err(json_error)?;
    check_size(&draft)?;
    Ok(draft)
}

/// Reads a draft from any serde data format other than JSON text, such as a Python dict
/// (through `pythonize`) or a JavaScript object, without a detour through a JSON string.
/// Errors are worded as [`parse_draft`] words them, without a position.
pub fn draft_from<'de, D>(deserializer: D) -> Result<Draft, InputError>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let draft = Draft::deserialize(deserializer).map_err(|e| value_error(&e.to_string()))?;
    check_size(&draft)?;
    Ok(draft)
}

/// Reads history (a sequence of entries) from any serde data format, like [`draft_from`].
pub fn history_from<'de, D>(deserializer: D) -> Result<Vec<HistoryEntry>, InputError>
where
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    Vec::<HistoryEntry>::deserialize(deserializer).map_err(|e| value_error(&e.to_string()))
}

/// Parses history: a JSON array of entries, or JSON Lines (one entry per line).
pub fn parse_history(input: &str) -> Result<Vec<HistoryEntry>, InputError> {
    if input.trim_start().starts_with('[') {
        return serde_json::from_str(input).map_err(json_error);
    }
    let mut entries = Vec::new();
    for (index, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry = serde_json::from_str(line).map_err(|e| {
            let mut error = json_error(e);
            error.position = error.position.map(|(_, column)| (index + 1, column));
            error
        })?;
        entries.push(entry);
    }
    Ok(entries)
}

/// Refuses drafts whose text is larger than [`MAX_DRAFT_BYTES`].
pub fn check_size(draft: &Draft) -> Result<(), InputError> {
    if draft.text.len() > MAX_DRAFT_BYTES {
        return Err(too_large(draft.text.len()));
    }
    Ok(())
}

/// The error for a draft of `bytes` bytes, over the limit.
pub(crate) fn too_large(bytes: usize) -> InputError {
    let limit = MAX_DRAFT_BYTES;
    InputError::new(
        InputErrorKind::TooLarge,
        localized!(
            de: "Der Entwurf ist {bytes} Bytes groß, erlaubt sind höchstens {limit}",
            en: "draft is {bytes} bytes, at most {limit} are accepted",
        ),
        localized!(
            de: "Nur den Text des Beitrags senden, nicht ganze Dokumente oder eingebettete Dateien",
            en: "send only the post text, not whole documents or embedded files",
        ),
    )
}

fn json_error(error: serde_json::Error) -> InputError {
    let mut input_error = value_error(&error.to_string());
    if error.line() > 0 {
        input_error.position = Some((error.line(), error.column()));
    }
    input_error
}

/// An invalid draft described from a serde message.
fn value_error(raw: &str) -> InputError {
    let described = describe(raw, "JSON");
    let help = described.help.unwrap_or_else(|| {
        Localized::new(
            "Ein Entwurf ist ein JSON-Objekt mit mindestens `text`",
            "a draft is a JSON object with at least `text`",
        )
    });
    InputError::new(
        InputErrorKind::InvalidDraft,
        Localized::new(
            format!("Ungültiger Entwurf: {}", described.message.de),
            format!("invalid draft: {}", described.message.en),
        ),
        help,
    )
}

pub use crate::config::UnknownName;
pub use crate::rules::{similar_rule_id, unknown_rule};

/// "unknown platform" for a platform name outside [`Platform::ALL`](crate::Platform::ALL),
/// with the closest name or, if none is close, the list of names.
pub fn unknown_platform(name: &str) -> UnknownName {
    let names = crate::Platform::ALL.map(crate::Platform::as_str);
    let help = match crate::policy::did_you_mean(name, names) {
        Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
        None => {
            let known = names.map(|n| format!("`{n}`")).join(", ");
            localized!(de: "Möglich sind {known}", en: "possible values: {known}")
        }
    };
    UnknownName {
        message: localized!(de: "Unbekannte Plattform `{name}`", en: "unknown platform `{name}`"),
        help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn misspelt_key_is_located_and_explained() {
        let error = parse_draft("{\"text\": \"Hallo\",\n \"platfroms\": [\"x\"]}").unwrap_err();
        assert_eq!(error.kind, InputErrorKind::InvalidDraft);
        assert_eq!(error.position.map(|p| p.0), Some(2));
        assert_eq!(
            error.message.get(Lang::En),
            "invalid draft: unknown key `platfroms`"
        );
        assert_eq!(
            error.help.unwrap().get(Lang::En),
            "did you mean `platforms`?"
        );
    }

    #[test]
    fn draft_from_a_value_is_worded_like_json_text() {
        let value = serde_json::json!({"text": "Hallo", "platfroms": ["x"]});
        let error = draft_from(value).unwrap_err();
        assert_eq!(error.kind, InputErrorKind::InvalidDraft);
        assert_eq!(error.position, None);
        assert_eq!(
            error.message.get(Lang::En),
            "invalid draft: unknown key `platfroms`"
        );
        let draft = draft_from(serde_json::json!({"text": "Hallo", "platforms": ["x"]})).unwrap();
        assert_eq!(draft.platforms, Some(vec![crate::Platform::X]));
        let history = history_from(serde_json::json!([
            {"account": "a", "published_at": "2026-05-04T10:00:00+02:00"}
        ]))
        .unwrap();
        assert_eq!(history.len(), 1);
    }

    #[test]
    fn oversized_draft_is_refused() {
        let draft = Draft::new("a".repeat(MAX_DRAFT_BYTES + 1));
        assert_eq!(
            check_size(&draft).unwrap_err().kind,
            InputErrorKind::TooLarge
        );
    }

    #[test]
    fn history_as_array_or_lines() {
        let line =
            r#"{"account": "a", "platforms": ["x"], "published_at": "2026-05-04T10:00:00+02:00"}"#;
        assert_eq!(parse_history(&format!("[{line}]")).unwrap().len(), 1);
        assert_eq!(
            parse_history(&format!("{line}\n\n{line}\n")).unwrap().len(),
            2
        );
        let error = parse_history(&format!("{line}\n{{\"account\": 1}}")).unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(2));
    }

    #[test]
    fn unknown_platform_and_rule_name_the_fix_in_both_languages() {
        let close = unknown_platform("mastodn");
        assert_eq!(
            close.message.get(Lang::De),
            "Unbekannte Plattform `mastodn`"
        );
        assert_eq!(close.help.get(Lang::En), "did you mean `mastodon`?");
        let far = unknown_platform("myspace");
        assert_eq!(
            far.help.get(Lang::De),
            "Möglich sind `x`, `mastodon`, `bluesky`, `threads`, `instagram`, `facebook`, `linkedin`"
        );
        let rule = unknown_rule("hashtag.max", "`rules()`");
        assert_eq!(rule.message.get(Lang::En), "unknown rule `hashtag.max`");
        assert_eq!(rule.help.get(Lang::De), "Meinten Sie `hashtags.max`?");
        let glob = unknown_rule("adress.*", "`rules()`");
        assert_eq!(glob.help.get(Lang::En), "did you mean `address.*`?");
        let far = unknown_rule("zzz", "`rules()`");
        assert_eq!(far.help.get(Lang::De), "`rules()` listet alle Regeln");
    }
}
