//! The shipped policies load, compile, and judge the example drafts as a press office would;
//! broken policies are refused with a location and a hint.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::path::PathBuf;

use freigabe::{Engine, Lang, Policy, PolicyErrorKind, wire};

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn load(path: &str) -> Result<Policy, freigabe::PolicyError> {
    Policy::load(&repo(path), |p| std::fs::read_to_string(p))
}

fn rules_for(policy: &str, draft: &str) -> Vec<String> {
    let engine = Engine::new(load(policy).unwrap()).unwrap();
    let draft = wire::parse_draft(&std::fs::read_to_string(repo(draft)).unwrap()).unwrap();
    let report = engine.check(&draft, &[], None).unwrap();
    report
        .diagnostics
        .iter()
        .map(|d| d.rule.to_string())
        .collect()
}

#[test]
fn every_shipped_policy_compiles() {
    let mut checked = 0;
    for entry in std::fs::read_dir(repo("policies")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") && !path.ends_with("base.toml") {
            let policy = Policy::load(&path.to_string_lossy(), |p| std::fs::read_to_string(p))
                .unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
            Engine::new(policy).unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
            checked += 1;
        }
    }
    assert!(checked >= 1);
}

#[test]
fn paderborn_defines_both_profiles_and_a_stable_digest() {
    let policy = load("policies/paderborn.toml").unwrap();
    assert_eq!(
        policy.account_ids().collect::<Vec<_>>(),
        ["buergermeister", "michael-dreier"]
    );
    assert_eq!(policy.default_account(), Some("buergermeister"));
    let again = load("policies/paderborn.toml").unwrap();
    assert_eq!(policy.digest(), again.digest());
    assert!(policy.digest().starts_with("sha256:") && policy.digest().len() == 7 + 64);
}

#[test]
fn clean_official_post_passes() {
    assert_eq!(
        rules_for(
            "policies/paderborn.toml",
            "examples/drafts/buergersprechstunde.json"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn libori_draft_shows_channel_findings() {
    let rules = rules_for(
        "policies/paderborn.toml",
        "examples/drafts/libori-empfang.json",
    );
    for expected in [
        "separation.unlisted-platform",
        "links.https",
        "links.shortener",
        "hashtags.camel-case",
        "hashtags.duplicate",
    ] {
        assert!(
            rules.iter().any(|r| r == expected),
            "{expected} missing in {rules:?}"
        );
    }
}

#[test]
fn private_account_with_city_imprint_is_blocked() {
    let rules = rules_for(
        "policies/paderborn.toml",
        "examples/drafts/privat-mit-impressum.json",
    );
    assert!(rules.iter().any(|r| r == "imprint.private"), "{rules:?}");
    assert!(
        rules.iter().any(|r| r == "separation.unlisted-platform"),
        "{rules:?}"
    );
}

#[test]
fn misspelt_key_is_refused_with_position_and_suggestion() {
    let policy = "[accounts.stadt]\nkind = \"official\"\nplatfroms = [\"x\"]\n";
    let error = Policy::from_toml(policy).unwrap_err();
    assert_eq!(error.kind, PolicyErrorKind::UnknownKey);
    let location = error.location.as_ref().unwrap();
    assert_eq!((location.line, location.column), (3, 1));
    assert_eq!(error.message.get(Lang::En), "unknown key `platfroms`");
    assert_eq!(
        error.help.as_ref().unwrap().get(Lang::De),
        "Meinten Sie `platforms`?"
    );
    assert!(error.render(Lang::En).contains("3 | platfroms = [\"x\"]"));
}

#[test]
fn every_error_of_a_file_is_reported_at_once_in_file_order() {
    // The keys sort the other way round (`imprnt` < `nmae`), and the wrong value and the
    // misspelt key of the account are in nested tables.
    let policy = "nmae = \"Stadt\"\nimprnt = \"https://stadt.de/impressum\"\n\
                  [accounts.stadt]\nkind = \"offical\"\nplatforms = [\"x\"]\neditor = []\n\
                  [accounts.zweites]\nkind = \"private\"\nplatform = [\"x\"]\n";
    let error = Policy::from_toml(policy).unwrap_err();
    let found: Vec<(usize, String)> = error
        .all()
        .map(|e| {
            let line = e.location.as_ref().map_or(0, |l| l.line);
            (line, e.message.get(Lang::En).to_owned())
        })
        .collect();
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 2, 4, 6, 9], "{found:#?}");
    assert!(found[2].1.contains("offical"), "{found:#?}");
}

#[test]
fn rule_settings_that_do_not_compile_are_reported_together_once() {
    let policy = "[accounts.a]\nkind = \"official\"\nplatforms = [\"x\"]\n\
                  [accounts.b]\nkind = \"official\"\nplatforms = [\"x\"]\n\
                  [rules.\"privacy.phone\"]\nenabled = true\nallow = [\"+49 (5251 88-[0-9]+\"]\n\
                  [rules.\"privacy.iban\"]\nenabled = true\nallow = [\"DE00 1234\"]\n";
    let error = Engine::new(Policy::from_toml(policy).unwrap())
        .err()
        .unwrap();
    let lines: Vec<usize> = error
        .all()
        .map(|e| e.location.as_ref().map_or(0, |l| l.line))
        .collect();
    // Two accounts read the same settings: each mistake is reported once.
    assert_eq!(lines, [9, 12], "{}", error.render(Lang::En));
    assert!(
        error.message.get(Lang::De).contains("`[`"),
        "{}",
        error.render(Lang::De)
    );
}

#[test]
fn a_wrong_list_entry_is_located_at_the_entry_not_the_list() {
    let base = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n";
    // (rule table, key, list whose second entry is wrong, the wrong entry)
    let cases = [
        (
            "privacy.phone",
            "allow",
            "\"+49 5251 88-0\",\n  \"+49 (5251 88-[0-9]+\"",
        ),
        (
            "privacy.iban",
            "allow",
            "\"DE89 3704 0044 0532 0130 00\",\n  \"DE00 1234\"",
        ),
        (
            "privacy.case-reference",
            "labels",
            "\"Az\",\n  \"zwei Wörter\"",
        ),
        (
            "links.allowed-domains",
            "domains",
            "\"paderborn.de\",\n  \"https://\"",
        ),
        (
            "privacy.email",
            "allow-domains",
            "\"paderborn.de\",\n  \"https://\"",
        ),
        (
            "plain-language.bureaucratic",
            "allow",
            "\"zwecks\",\n  \"Zweckz\"",
        ),
    ];
    for (rule, key, entries) in cases {
        let policy =
            format!("{base}[rules.\"{rule}\"]\nenabled = true\n{key} = [\n  {entries},\n]\n");
        let error = match Engine::new(Policy::from_toml(&policy).unwrap()) {
            Ok(_) => panic!("{rule}: accepted {entries}"),
            Err(error) => error,
        };
        let location = error.location.as_ref().unwrap();
        // Line 6 opens the list, line 7 holds the good entry, line 8 the wrong one.
        assert_eq!(
            (location.line, location.column),
            (8, 3),
            "{rule}: {}",
            error.render(Lang::En)
        );
    }
}

#[test]
fn unknown_rule_platform_and_negative_limit_are_refused() {
    let base = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n";
    let cases = [
        (
            "[rules.\"hashtag.max\"]\nseverity = \"error\"\n",
            PolicyErrorKind::UnknownKey,
            "`hashtags.max`",
        ),
        (
            "[platform-settings.tiktok]\nlimit = 10\n",
            PolicyErrorKind::InvalidValue,
            "possible values",
        ),
        (
            "[platform-settings.mastodon]\nlimit = -5\n",
            PolicyErrorKind::InvalidValue,
            "non-negative",
        ),
        (
            "imprint = \"paderborn.de/impressum\"\n",
            PolicyErrorKind::InvalidValue,
            "full address",
        ),
        (
            "[rules.\"links.https\"]\nseverity = \"eror\"\n",
            PolicyErrorKind::InvalidValue,
            "`error`",
        ),
    ];
    for (snippet, kind, hint) in cases {
        // Top-level keys must come before the first table.
        let policy = if snippet.starts_with('[') {
            format!("{base}{snippet}")
        } else {
            format!("{snippet}{base}")
        };
        let error = Policy::from_toml(&policy).expect_err(snippet);
        assert_eq!(error.kind, kind, "{snippet}");
        assert!(error.location.is_some(), "{snippet}: no location");
        let help = error
            .help
            .as_ref()
            .map(|h| h.get(Lang::En).to_owned())
            .unwrap_or_default();
        assert!(
            help.contains(hint),
            "{snippet}: help `{help}` lacks `{hint}`"
        );
    }
}

#[test]
fn extends_cycles_and_missing_files_are_refused() {
    let files = |name: &str| -> std::io::Result<String> {
        match name {
            "a.toml" => Ok("extends = \"b.toml\"\n".into()),
            "b.toml" => Ok("extends = \"./a.toml\"\n".into()),
            "c.toml" => Ok("extends = \"missing.toml\"\n".into()),
            _ => Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "not found",
            )),
        }
    };
    let cycle = Policy::load("a.toml", files).unwrap_err();
    assert_eq!(cycle.kind, PolicyErrorKind::Extends);
    assert!(cycle.message.get(Lang::En).contains("cycle"));
    assert_eq!(
        cycle.location.as_ref().map(|l| (l.file.as_str(), l.line)),
        Some(("b.toml", 1))
    );
    let missing = Policy::load("c.toml", files).unwrap_err();
    assert_eq!(missing.kind, PolicyErrorKind::Extends);
}

#[test]
fn child_policy_overrides_base_per_key() {
    let files = |name: &str| -> std::io::Result<String> {
        match name {
            "base.toml" => Ok("[rules.\"hashtags.camel-case\"]\nseverity = \"warning\"\nmin-letters = 5\n".into()),
            "city/city.toml" => Ok("extends = \"../base.toml\"\n[rules.\"hashtags.camel-case\"]\nseverity = \"error\"\n[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n".into()),
            _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, name.to_owned())),
        }
    };
    let engine = Engine::new(Policy::load("city/city.toml", files).unwrap()).unwrap();
    let report = engine
        .check(&freigabe::Draft::new("Heute: #sommerfest"), &[], None)
        .unwrap();
    let camel: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "hashtags.camel-case")
        .collect();
    // severity from the child, `min-letters = 5` still from the base
    assert_eq!(camel.len(), 1, "{:?}", report.diagnostics);
    assert_eq!(camel[0].severity, freigabe::Severity::Error);
}

#[test]
fn rule_setting_errors_point_at_the_setting() {
    let policy = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n[accounts.stadt.rules.\"links.allowed-domains\"]\ndomains = [\"https://paderborn.de\"]\n";
    let error = Engine::new(Policy::from_toml(policy).unwrap())
        .err()
        .unwrap();
    assert_eq!(error.location.as_ref().map(|l| l.line), Some(5));
    assert!(error.message.get(Lang::En).contains("not a domain name"));
}
