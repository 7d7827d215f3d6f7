//! Every German text literal of the core (`de: "…"` of `tr!`/`localized!`) writes its
//! nouns with a capital letter; rendered messages are checked further (sentence start
//! included) by the conformance cases, which run in German.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/orthography.rs"]
mod orthography;

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The German literals of one source file, up to its unit tests.
fn german_literals(source: &str) -> Vec<String> {
    let source = source.split("#[cfg(test)]").next().unwrap_or(source);
    source
        .split("de: \"")
        .skip(1)
        .filter_map(|rest| {
            // Up to the closing quote that is not escaped.
            let mut escaped = false;
            let end = rest.char_indices().find_map(|(i, c)| {
                let closes = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                closes.then_some(i)
            })?;
            Some(rest[..end].replace("\\\"", "\""))
        })
        .collect()
}

#[test]
fn german_literals_capitalise_their_nouns() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut problems = Vec::new();
    let mut literals = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for literal in german_literals(&source) {
            literals += 1;
            // Placeholders stand for values, not for words of the message.
            let text: String = literal
                .split(['{', '}'])
                .enumerate()
                .map(|(i, part)| if i % 2 == 0 { part } else { "" })
                .collect();
            for problem in orthography::problems(&text) {
                if problem.starts_with("noun") {
                    problems.push(format!("{}: {problem}", file.display()));
                }
            }
        }
    }
    assert!(literals > 200, "only {literals} German literals found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The German rule documentation (`freigabe explain`, `docs/regeln.md`) is checked like the
/// messages: every paragraph starts like a sentence, capitalises its nouns and writes
/// abbreviations as Duden does („z. B.“). Code blocks are left out (they show policy files).
#[cfg(feature = "rule-docs")]
#[test]
fn german_rule_docs_are_german() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in freigabe::all_rules() {
        let docs = rule.docs(freigabe::Lang::De);
        // Rules still documented only in English (another branch translates them).
        if !docs.starts_with("## Was geprüft wird") {
            continue;
        }
        checked += 1;
        for paragraph in prose_paragraphs(&docs) {
            for problem in orthography::problems(&paragraph) {
                problems.push(format!("{}: {problem}", rule.id));
            }
        }
    }
    assert!(checked > 0, "no rule documented in German");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The paragraphs of Markdown outside fenced code blocks, each joined into one line.
fn prose_paragraphs(markdown: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // A list item starts a paragraph of its own.
        let item = line.trim_start().starts_with("- ");
        if (line.trim().is_empty() || item) && !current.is_empty() {
            paragraphs.push(current.join(" "));
            current.clear();
        }
        if !line.trim().is_empty() {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}
