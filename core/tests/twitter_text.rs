//! twitter-text conformance suite, read from `tests/twitter-text/*.yml` at test time.
//!
//! The YAML files are a verbatim copy of twitter-text's `conformance/`
//! directory; cases are never converted into code, so updating the files
//! updates the test. Expected indices are in Unicode code points, expected
//! ranges of `parseTweet` in UTF-16 code units.

// The helpers below only run inside tests, where a panic is the failure report.
#![allow(clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use freigabe::platform::counting::{WeightedConfig, parse_x};
use freigabe::text::extract::{Entity, Extractor};
use yaml_rust2::{Yaml, YamlLoader};

fn suite_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/twitter-text/"
    ))
}

fn load(file: &str) -> Yaml {
    let path = suite_dir().join(file);
    let source = fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let mut documents = YamlLoader::load_from_str(&source)
        .unwrap_or_else(|error| panic!("cannot parse {}: {error}", path.display()));
    assert!(!documents.is_empty(), "{} is empty", path.display());
    documents.swap_remove(0)
}

fn cases<'y>(suite: &'y Yaml, group: &str) -> &'y [Yaml] {
    match &suite["tests"][group] {
        Yaml::Array(cases) => cases,
        other => panic!("group `{group}` missing or not a list: {other:?}"),
    }
}

fn field<'y>(case: &'y Yaml, key: &str) -> &'y str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("case without string `{key}`: {case:?}"))
}

/// Collects per-group pass counts and every failure.
#[derive(Default)]
struct Report {
    passed: BTreeMap<String, (usize, usize)>,
    failures: Vec<String>,
}

impl Report {
    fn record(&mut self, group: &str, description: &str, outcome: Result<(), String>) {
        let entry = self.passed.entry(group.to_owned()).or_default();
        entry.1 += 1;
        match outcome {
            Ok(()) => entry.0 += 1,
            Err(detail) => self
                .failures
                .push(format!("{group}: {description}: {detail}")),
        }
    }

    fn finish(self, suite: &str) {
        for (group, (passed, total)) in &self.passed {
            println!("{suite} {group}: {passed}/{total} passed");
        }
        assert!(
            self.passed.values().all(|(_, total)| *total > 0),
            "a group had no cases"
        );
        assert!(
            self.failures.is_empty(),
            "{} failing case(s):\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// An extracted value as the YAML states it: text (without `#`/`@`) and code point indices.
#[derive(Debug, PartialEq)]
struct Found {
    value: String,
    indices: Option<(usize, usize)>,
}

fn code_points(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn found(text: &str, entities: &[Entity], strip_sigil: bool, with_indices: bool) -> Vec<Found> {
    entities
        .iter()
        .map(|entity| {
            let value = entity.as_str(text);
            let value = if strip_sigil {
                value.chars().skip(1).collect()
            } else {
                value.to_owned()
            };
            Found {
                value,
                indices: with_indices.then(|| {
                    (
                        code_points(text, entity.start),
                        code_points(text, entity.end),
                    )
                }),
            }
        })
        .collect()
}

fn expected(case: &Yaml, value_key: Option<&str>) -> Vec<Found> {
    match &case["expected"] {
        Yaml::Null => Vec::new(),
        Yaml::Array(items) => items
            .iter()
            .map(|item| match value_key {
                None => Found {
                    value: item
                        .as_str()
                        .unwrap_or_else(|| panic!("not a string: {item:?}"))
                        .to_owned(),
                    indices: None,
                },
                Some(key) => {
                    let index = |i: usize| {
                        item["indices"][i]
                            .as_i64()
                            .and_then(|n| usize::try_from(n).ok())
                            .unwrap_or_else(|| panic!("bad indices: {item:?}"))
                    };
                    Found {
                        value: field(item, key).to_owned(),
                        indices: Some((index(0), index(1))),
                    }
                }
            })
            .collect(),
        other => panic!("unexpected `expected`: {other:?}"),
    }
}

#[test]
fn extract_conformance() {
    let suite = load("extract.yml");
    let extractor = Extractor::new().expect("extractor builds");
    let mut report = Report::default();
    // (group, extraction, strip `#`/`@`, key of the value in indexed expectations)
    type Extract = fn(&Extractor, &str) -> Vec<Entity>;
    let groups: [(&str, Extract, bool, Option<&str>); 9] = [
        ("urls", Extractor::urls, false, None),
        ("urls_with_indices", Extractor::urls, false, Some("url")),
        (
            "urls_with_directional_markers",
            Extractor::urls,
            false,
            Some("url"),
        ),
        ("tco_urls_with_params", Extractor::urls, false, None),
        ("hashtags", Extractor::hashtags, true, None),
        (
            "hashtags_with_indices",
            Extractor::hashtags,
            true,
            Some("hashtag"),
        ),
        ("hashtags_from_astral", Extractor::hashtags, true, None),
        ("mentions", Extractor::mentions, true, None),
        (
            "mentions_with_indices",
            Extractor::mentions,
            true,
            Some("screen_name"),
        ),
    ];
    for (group, extract, strip_sigil, value_key) in groups {
        for case in cases(&suite, group) {
            let text = field(case, "text");
            let want = expected(case, value_key);
            let got = found(
                text,
                &extract(&extractor, text),
                strip_sigil,
                value_key.is_some(),
            );
            let outcome = if got == want {
                Ok(())
            } else {
                Err(format!("text {text:?}: expected {want:?}, got {got:?}"))
            };
            report.record(group, field(case, "description"), outcome);
        }
    }
    report.finish("extract.yml");
}

fn config_v1() -> WeightedConfig {
    // twitter-text `config/v1.json`: every code point 1, used by `isValidTweet` (140).
    WeightedConfig {
        scale: 1,
        default_weight: 1,
        emoji_parsing: false,
        transformed_url_length: 23,
        ranges: Vec::new(),
    }
}

#[test]
fn validate_conformance() {
    let suite = load("validate.yml");
    let extractor = Extractor::new().expect("extractor builds");
    let mut report = Report::default();

    for case in cases(&suite, "tweets") {
        let text = field(case, "text");
        let want = case["expected"].as_bool().expect("boolean expectation");
        let got = parse_x(text, &config_v1(), 140, &extractor).valid;
        let outcome = if got == want {
            Ok(())
        } else {
            Err(format!("expected valid={want}, got {got}"))
        };
        report.record("tweets", field(case, "description"), outcome);
    }

    let v3 = WeightedConfig::v3();
    let weighted_groups = [
        ("WeightedTweetsCounterTest", WeightedConfig::v2()),
        ("WeightedTweetsWithDiscountedEmojiCounterTest", v3.clone()),
        ("UnicodeDirectionalMarkerCounterTest", v3),
    ];
    for (group, config) in weighted_groups {
        for case in cases(&suite, group) {
            let text = field(case, "text");
            let parsed = parse_x(text, &config, 280, &extractor);
            let expected = &case["expected"];
            let number = |key: &str| {
                expected[key]
                    .as_i64()
                    .unwrap_or_else(|| panic!("`{key}` missing in {expected:?}"))
            };
            let as_i64 = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
            let as_i64_usize = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
            let comparisons = [
                (
                    "weightedLength",
                    number("weightedLength"),
                    as_i64(parsed.weighted_length),
                ),
                (
                    "permillage",
                    number("permillage"),
                    as_i64(parsed.permillage),
                ),
                (
                    "displayRangeStart",
                    number("displayRangeStart"),
                    as_i64_usize(parsed.display_range_start),
                ),
                (
                    "displayRangeEnd",
                    number("displayRangeEnd"),
                    as_i64_usize(parsed.display_range_end),
                ),
                (
                    "validRangeStart",
                    number("validRangeStart"),
                    as_i64_usize(parsed.valid_range_start),
                ),
                (
                    "validRangeEnd",
                    number("validRangeEnd"),
                    as_i64_usize(parsed.valid_range_end),
                ),
            ];
            let mut mismatches: Vec<String> = comparisons
                .iter()
                .filter(|(_, want, got)| want != got)
                .map(|(key, want, got)| format!("{key}: expected {want}, got {got}"))
                .collect();
            let want_valid = expected["valid"].as_bool().expect("boolean `valid`");
            if want_valid != parsed.valid {
                mismatches.push(format!(
                    "valid: expected {want_valid}, got {}",
                    parsed.valid
                ));
            }
            let outcome = if mismatches.is_empty() {
                Ok(())
            } else {
                Err(mismatches.join("; "))
            };
            report.record(group, field(case, "description"), outcome);
        }
    }
    report.finish("validate.yml");
}

#[test]
fn config_v3_json_matches_builtin() {
    let path = suite_dir().join("config-v3.json");
    let json = fs::read_to_string(&path).expect("config-v3.json readable");
    assert_eq!(WeightedConfig::from_json(&json), Ok(WeightedConfig::v3()));
    let v2_json = json.replace(
        "\"emojiParsingEnabled\": true",
        "\"emojiParsingEnabled\": false",
    );
    assert_ne!(
        v2_json, json,
        "config-v3.json no longer enables emoji parsing"
    );
    assert_eq!(
        WeightedConfig::from_json(&v2_json),
        Ok(WeightedConfig::v2())
    );
}
