//! Snapshot of `check --format human --lang de` for every draft in
//! `tests/fixtures/rules/`. A file `<rule-id>.json` (or `<rule-id>@<case>.json`) must
//! trigger that rule; a `.toml` of the same name replaces the shared fixture policy, a
//! `.history.jsonl` is passed as `--history` and a `.now` (one RFC 3339 line) as `--now`. New
//! fixtures need no code: run `INSTA_UPDATE=always cargo test -p freigabe-cli --test rules`
//! (or `cargo insta review`) and read the new snapshot.

// Helpers outside `#[test]` functions fail a test by panicking, like the tests themselves.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::process::Command;

// `Path` is spelt out below: `insta::glob!` imports its own `Path` into the closure's scope.

#[test]
fn human_rendering_per_rule() {
    insta::glob!("fixtures/rules/*.json", |path| {
        let crate_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let relative = |p: &std::path::Path| {
            p.strip_prefix(crate_dir)
                .expect("fixture inside the crate")
                .to_string_lossy()
                .replace('\\', "/")
        };
        let own_policy = path.with_extension("toml");
        let policy = if own_policy.is_file() {
            relative(&own_policy)
        } else {
            "tests/fixtures/policy.toml".to_owned()
        };
        let draft = relative(path);
        let mut extra = Vec::new();
        let history = path.with_extension("history.jsonl");
        if history.is_file() {
            extra.extend(["--history".to_owned(), relative(&history)]);
        }
        let now = path.with_extension("now");
        if now.is_file() {
            let now = std::fs::read_to_string(&now).expect("readable `.now` file");
            extra.extend(["--now".to_owned(), now.trim().to_owned()]);
        }
        let output = Command::new(env!("CARGO_BIN_EXE_freigabe"))
            .args([
                "check", "--format", "human", "--lang", "de", "--policy", &policy,
            ])
            .args(&extra)
            .arg(&draft)
            .current_dir(crate_dir)
            .env_remove("FREIGABE_LANG")
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8 errors");
        assert!(stderr.is_empty(), "{draft}: {stderr}");

        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name");
        let rule = stem.split('@').next().unwrap_or(stem);
        assert!(
            freigabe::rule_info(rule).is_some(),
            "{draft}: `{rule}` is not a rule id"
        );
        assert!(
            stdout.contains(&format!("[{rule}]:")),
            "{draft} does not trigger `{rule}`:\n{stdout}"
        );
        let exit = output.status.code().expect("exit code");
        insta::assert_snapshot!(format!("exit code: {exit}\n\n{stdout}"));
    });
}

/// Every registered rule has at least one fixture, so each rule's rendering is reviewed.
#[test]
fn every_rule_has_a_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let stems: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|entry| {
            let path = entry.expect("directory entry").path();
            let is_draft = path.extension().is_some_and(|ext| ext == "json");
            is_draft.then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    let missing: Vec<&str> = freigabe::all_rules()
        .map(|rule| rule.id)
        .filter(|id| !stems.iter().any(|stem| stem.split('@').next() == Some(*id)))
        .collect();
    assert!(
        missing.is_empty(),
        "add a draft `tests/fixtures/rules/<rule-id>.json` for: {missing:?}"
    );
}
