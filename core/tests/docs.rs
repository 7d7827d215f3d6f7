//! The generated reference in `docs/` must match the code. Run with `FREIGABE_BLESS=1` to
//! regenerate after changing a rule, a policy struct or the platform table.

#![cfg(feature = "rule-docs")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::path::PathBuf;

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
fn platform_table_reference_is_fresh() {
    check_fresh("platforms.md", &freigabe::docs::platforms_markdown());
}

#[test]
fn every_rule_documents_the_four_headings() {
    for rule in freigabe::all_rules() {
        let docs = rule.docs();
        for heading in [
            "## What it checks",
            "## Why",
            "## Example",
            "## Configuration",
        ] {
            assert!(docs.contains(heading), "{} lacks `{heading}`", rule.id);
        }
        assert!(!rule.summary().is_empty(), "{} has no summary", rule.id);
    }
}
