//! `--format sarif`: the report as a SARIF 2.1.0 log, for code-scanning tools.

use freigabe::{Diagnostic, ENGINE_VERSION, Lang, Report, Severity, Span};
use serde_json::{Value, json};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/freigabe/freigabe";

/// The SARIF log for one checked draft. `artifact` is the draft path or `stdin`.
pub fn render(report: &Report, text: &str, artifact: &str, lang: Lang) -> String {
    let rules: Vec<freigabe::RuleInfo> = freigabe::all_rules().collect();
    let uri = artifact_uri(artifact);
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|diagnostic| result(diagnostic, &rules, text, &uri))
        .collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "freigabe",
                "version": ENGINE_VERSION,
                "informationUri": INFORMATION_URI,
                "rules": rules.iter().map(rule_descriptor).collect::<Vec<_>>(),
            }},
            // Our columns and offsets count Unicode scalar values, not SARIF's default
            // UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "language": if lang == Lang::En { "en" } else { "de" },
            "artifacts": [{"location": {"uri": uri}, "length": text.len()}],
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

fn rule_descriptor(rule: &freigabe::RuleInfo) -> Value {
    let docs = rule.docs();
    json!({
        "id": rule.id,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": docs, "markdown": docs},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {
            "enabled": rule.default_enabled,
            "level": level(rule.default_severity),
        },
    })
}

fn result(diagnostic: &Diagnostic, rules: &[freigabe::RuleInfo], text: &str, uri: &str) -> Value {
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
    if let Some(index) = rules.iter().position(|rule| rule.id == diagnostic.rule) {
        result["ruleIndex"] = json!(index);
    }
    if let Some(span) = diagnostic.span {
        result["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "index": 0},
                "region": region(text, &span),
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
                        "deletedRegion": region(text, &suggestion.span),
                        "insertedContent": {"text": suggestion.replacement},
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
/// character offset and length.
fn region(text: &str, span: &Span) -> Value {
    let (end_line, end_column) = end_position(text, span);
    json!({
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": span.start_char,
        "charLength": span.end_char.saturating_sub(span.start_char),
    })
}

/// Line and column just past the span, continuing from its start with core's line rules
/// (`\n`, `\r\n` and a lone `\r` end a line; columns count characters).
fn end_position(text: &str, span: &Span) -> (usize, usize) {
    let (mut line, mut column) = (span.line, span.column);
    let covered = text.get(span.start..span.end).unwrap_or_default();
    let mut previous_was_cr = text
        .get(..span.start)
        .is_some_and(|before| before.ends_with('\r'));
    for ch in covered.chars() {
        match ch {
            '\n' if previous_was_cr => {}
            '\n' | '\r' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        previous_was_cr = ch == '\r';
    }
    (line, column)
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

    fn span(text: &str, start: usize, end: usize) -> Span {
        let before = &text[..start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Span {
            start,
            end,
            start_char: before.chars().count(),
            end_char: text[..end].chars().count(),
            start_utf16: before.encode_utf16().count(),
            end_utf16: text[..end].encode_utf16().count(),
            line: before.matches('\n').count() + 1,
            column: text[line_start..start].chars().count() + 1,
        }
    }

    #[test]
    fn end_position_on_one_line_counts_characters() {
        let text = "Grüße aus Paderborn";
        // "aus": bytes 8..11, characters 6..9.
        assert_eq!(end_position(text, &span(text, 8, 11)), (1, 10));
    }

    #[test]
    fn end_position_across_lines_restarts_the_column() {
        let text = "eins\nzwei\r\ndrei";
        // From "zwei" to the end: two line breaks, `\r\n` counted once.
        assert_eq!(end_position(text, &span(text, 5, text.len())), (3, 5));
    }

    #[test]
    fn artifact_uris_are_escaped() {
        assert_eq!(artifact_uri("drafts/post 1.json"), "drafts/post%201.json");
        assert_eq!(artifact_uri("/tmp/ä.json"), "file:///tmp/%C3%A4.json");
        assert_eq!(artifact_uri("stdin"), "stdin");
    }
}
