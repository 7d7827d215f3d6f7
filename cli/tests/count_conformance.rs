//! `freigabe count --platform x` agrees with twitter-text on every case of its v3
//! conformance group, read from `tests/twitter-text/validate.yml` at test time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::io::Write;
use std::process::{Command, Stdio};

use yaml_rust2::YamlLoader;

#[test]
fn count_x_matches_twitter_text_v3() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/twitter-text/validate.yml"
    );
    let suite = YamlLoader::load_from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = suite[0]["tests"]["WeightedTweetsWithDiscountedEmojiCounterTest"]
        .as_vec()
        .expect("v3 group present");
    let mut failures = Vec::new();
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let expected = &case["expected"];
        let mut child = Command::new(env!("CARGO_BIN_EXE_freigabe"))
            .args(["count", "--platform", "x", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let (length, valid) = (
            expected["weightedLength"].as_i64().unwrap(),
            expected["valid"].as_bool().unwrap(),
        );
        if answer["length"].as_i64() != Some(length) || answer["valid"].as_bool() != Some(valid) {
            failures.push(format!(
                "{}: expected length {length} valid {valid}, got {answer}",
                case["description"].as_str().unwrap_or_default()
            ));
        }
    }
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
