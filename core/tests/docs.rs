//! The generated reference in `docs/` must match the code. Run with `FREIGABE_BLESS=1` to
//! regenerate after changing a rule, a policy struct or the platform table.

#![cfg(feature = "rule-docs")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::path::PathBuf;

use freigabe::Lang;

fn check_fresh(file: &str, generated: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(file);
    if std::env::var_os("FREIGABE_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/{file} is stale: run `FREIGABE_BLESS=1 cargo test -p freigabe --test docs` and commit the result"
    );
}

#[test]
fn rule_reference_is_fresh() {
    check_fresh("rules.md", &freigabe::docs::rules_markdown());
}

#[test]
fn german_rule_reference_is_fresh() {
    check_fresh("regeln.md", &freigabe::docs::rules_markdown_german());
}

#[test]
fn rule_docs_data_is_fresh() {
    check_fresh("rules.json", &freigabe::docs::rules_json());
}

#[test]
fn policy_reference_is_fresh() {
    check_fresh("policy.md", &freigabe::docs::policy_markdown());
}

#[test]
fn policy_schema_is_fresh() {
    check_fresh("policy.schema.json", &freigabe::Policy::json_schema());
}

#[test]
fn draft_schema_is_fresh() {
    check_fresh("draft.schema.json", &freigabe::Draft::json_schema());
}

#[test]
fn platform_table_reference_is_fresh() {
    check_fresh("platforms.md", &freigabe::docs::platforms_markdown());
}

#[test]
fn every_rule_documents_the_four_headings() {
    for rule in freigabe::all_rules() {
        let docs = rule.docs(Lang::En);
        for heading in [
            "## What it checks",
            "## Why",
            "## Example",
            "## Configuration",
        ] {
            assert!(docs.contains(heading), "{} lacks `{heading}`", rule.id);
        }
        assert!(!docs.contains("# Deutsch"), "{}", rule.id);
        assert!(
            !rule.summary(Lang::En).is_empty(),
            "{} has no summary",
            rule.id
        );
    }
}

/// German is the language our users read: every rule's doc comment ends with a German part
/// (`# Deutsch`) with the same four sections, translated.
#[test]
fn every_rule_is_documented_in_german() {
    let mut missing = Vec::new();
    for rule in freigabe::all_rules() {
        let docs = rule.docs(Lang::De);
        for heading in [
            "## Was geprüft wird",
            "## Warum",
            "## Beispiel",
            "## Einstellungen",
        ] {
            if !docs.contains(&format!("{heading}\n")) {
                missing.push(format!("{}: `{heading}`", rule.id));
            }
        }
        assert!(!docs.contains("## What it checks"), "{}", rule.id);
        assert_ne!(
            rule.summary(Lang::De),
            rule.summary(Lang::En),
            "{}",
            rule.id
        );
    }
    assert!(
        missing.is_empty(),
        "German documentation lacks (after a `# Deutsch` line at the end of the doc comment):\n{}",
        missing.join("\n")
    );
}

/// Readers do not have the project's source folders: documents are cited by author, title and
/// date, facts by their statute, court decision or platform page (docs/sources.md), never by a
/// seed file number or as "research notes".
#[test]
fn citations_name_their_sources() {
    const PRIVATE: [&str; 6] = [
        "seed 0",
        "seed document",
        "research notes",
        "shared/seeds",
        "shared/research",
        "research/german-rules",
    ];
    fn offending(text: &str) -> Vec<&'static str> {
        let lower = text.to_lowercase();
        PRIVATE.into_iter().filter(|p| lower.contains(p)).collect()
    }
    fn files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "toml" | "json")
            ) {
                out.push(path);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = Vec::new();
    for dir in [
        "docs",
        "policies",
        "tests/eval",
        "tests/conformance",
        "core/data",
    ] {
        files(&root.join(dir), &mut paths);
    }
    let mut found: Vec<String> = paths
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            offending(&text)
                .into_iter()
                .map(move |p| format!("{}: `{p}`", path.display()))
        })
        .collect();
    for rule in freigabe::all_rules() {
        found.extend(
            [Lang::De, Lang::En]
                .into_iter()
                .flat_map(|lang| offending(&rule.docs(lang)))
                .map(|p| format!("rule {}: `{p}`", rule.id)),
        );
    }
    found.extend(
        offending(&freigabe::docs::policy_markdown())
            .into_iter()
            .map(|p| format!("policy reference: `{p}`")),
    );
    assert!(
        found.is_empty(),
        "cite sources as docs/sources.md does:\n{}",
        found.join("\n")
    );
}
