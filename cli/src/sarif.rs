//! `--format sarif`: the report as a SARIF 2.1.0 log, for code-scanning tools.

use freigabe::{Diagnostic, ENGINE_VERSION, Lang, Report, Severity, Span};
use serde_json::{Value, json};

use crate::document::Document;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/freigabe/freigabe";

/// The SARIF log for one checked draft, located in `document`, the file read from
/// `artifact` (a path or `stdin`). Regions and fixes are in that file: for a JSON draft,
/// inside its `text` string, with replacements escaped as JSON.
pub fn render(report: &Report, document: &Document<'_>, artifact: &str, lang: Lang) -> String {
    let rules: Vec<freigabe::RuleInfo> = freigabe::all_rules().collect();
    let uri = artifact_uri(artifact);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|diagnostic| result(diagnostic, &rules, &uri, document))
        .collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|rule| rule_descriptor(rule, lang))
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "freigabe",
                "version": ENGINE_VERSION,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            // Our columns and offsets count Unicode scalar values, not SARIF's default
            // UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "language": if lang == Lang::En { "en" } else { "de" },
            "artifacts": [{"location": {"uri": uri}, "length": document.source.len()}],
            "invocations": [{"executionSuccessful": true}],
            "results": results,
            "properties": {
                "verdict": report.verdict.as_str(),
                "policyDigest": report.policy_digest,
                "measures": report.measures,
            },
        }],
    });
    log.to_string()
}

fn rule_descriptor(rule: &freigabe::RuleInfo, lang: Lang) -> Value {
    let docs = rule.docs(lang);
    json!({
        "id": rule.id,
        // SARIF's `name` is a non-localised identifier a person can read (`TooLongForThePlatform`);
        // tools list rules by their short description.
        "name": pascal_case(rule.title(Lang::En)),
        "shortDescription": {"text": rule.title(lang)},
        "fullDescription": {"text": docs, "markdown": docs},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {
            "enabled": rule.default_enabled,
            "level": level(rule.default_severity),
        },
    })
}

/// `Too long for the platform` → `TooLongForThePlatform`: words capitalised and joined, with
/// anything but letters and digits dropped (`Someone else's` → `SomeoneElses`).
fn pascal_case(title: &str) -> String {
    let mut name = String::new();
    for word in title.split_whitespace() {
        let mut letters = word.chars().filter(|c| c.is_alphanumeric());
        if let Some(first) = letters.next() {
            name.extend(first.to_uppercase());
            name.extend(letters);
        }
    }
    name
}

fn result(
    diagnostic: &Diagnostic,
    rules: &[freigabe::RuleInfo],
    uri: &str,
    document: &Document<'_>,
) -> Value {
    let message = match &diagnostic.help {
        Some(help) => format!("{}\n{help}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "level": level(diagnostic.severity),
        "message": {"text": message},
    });
    if let Some(platform) = diagnostic.platform {
        result["properties"] = json!({"platform": platform});
    }
    // A waived finding stays a result, suppressed the SARIF way: accepted by someone
    // outside the source, with their reason.
    if let Some(waived) = &diagnostic.waived {
        let mut suppression = json!({
            "kind": "external",
            "status": "accepted",
            "justification": waived.reason,
            "properties": {"by": waived.by},
        });
        if let Some(at) = waived.at {
            suppression["properties"]["at"] = json!(at);
        }
        result["suppressions"] = json!([suppression]);
    }
    if let Some(index) = rules.iter().position(|rule| rule.id == diagnostic.rule) {
        result["ruleIndex"] = json!(index);
    }
    if let Some(span) = diagnostic.span {
        result["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "index": 0},
                "region": region(&document.span(&span)),
            },
        }]);
    }
    if !diagnostic.suggestions.is_empty() {
        result["fixes"] = diagnostic
            .suggestions
            .iter()
            .map(|suggestion| {
                json!({"artifactChanges": [{
                    "artifactLocation": {"uri": uri, "index": 0},
                    "replacements": [{
                        "deletedRegion": region(&document.span(&suggestion.span)),
                        "insertedContent": {"text": document.replacement(&suggestion.replacement)},
                    }],
                }]})
            })
            .collect();
    }
    result
}

/// SARIF levels: `error`, `warning`, `note`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

/// A SARIF region: 1-based start/end line and column (end column exclusive), and the
/// character offset and length — all computed by core.
fn region(span: &Span) -> Value {
    json!({
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "charOffset": span.start_char,
        "charLength": span.end_char.saturating_sub(span.start_char),
    })
}

/// A relative URI reference for a path: forward slashes, reserved characters escaped;
/// absolute paths become `file://` URIs.
fn artifact_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for ch in path.chars() {
        match ch {
            '\\' => uri.push('/'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => uri.push(ch),
            _ => {
                let mut buf = [0; 4];
                for byte in ch.encode_utf8(&mut buf).bytes() {
                    uri.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    if uri.starts_with('/') {
        format!("file://{uri}")
    } else {
        uri
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_are_escaped() {
        assert_eq!(artifact_uri("drafts/post 1.json"), "drafts/post%201.json");
        assert_eq!(artifact_uri("/tmp/ä.json"), "file:///tmp/%C3%A4.json");
        assert_eq!(artifact_uri("stdin"), "stdin");
    }
}
