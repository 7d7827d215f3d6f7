//! Corpus negatives check: every GermEval 2018 tweet run as a draft of the city's official
//! account, to find patterns of false alarms of the address and neutrality rules on real
//! text. Ignored by default (the corpus lives in `shared/`, outside the repository):
//!
//! ```sh
//! cargo test -p freigabe --test corpus -- --ignored --nocapture
//! FREIGABE_CORPUS=path/to/corpus.txt FREIGABE_SHOW=neutrality.judgement cargo test …
//! ```
//!
//! The file has one text per line, the text before the first tab, `|LBR|` for a line break
//! (GermEval 2018 format). The policy is the one of `tests/eval/neutrality-blind.toml`.
//! It prints, per rule, how many texts it fires on and a few of them (all of them for the
//! rules named in `FREIGABE_SHOW`, comma-separated).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::collections::BTreeMap;
use std::path::PathBuf;

use freigabe::{Draft, Engine, Policy};

/// Examples printed per rule unless the rule is named in `FREIGABE_SHOW`.
const EXAMPLES: usize = 5;

#[test]
#[ignore = "needs the GermEval 2018 corpus from shared/corpora"]
fn germeval_tweets_as_official_drafts() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = std::env::var_os("FREIGABE_CORPUS").map_or_else(
        || root.join("../shared/corpora/germeval2018/germeval2018.training.txt"),
        PathBuf::from,
    );
    let show: Vec<String> = std::env::var("FREIGABE_SHOW")
        .unwrap_or_default()
        .split(',')
        .filter(|rule| !rule.is_empty())
        .map(str::to_owned)
        .collect();
    let eval: toml::Table = toml::from_str(
        &std::fs::read_to_string(root.join("tests/eval/neutrality-blind.toml")).unwrap(),
    )
    .unwrap();
    let policy = eval["policy"]["toml"].as_str().unwrap();
    let engine = Engine::new(Policy::from_toml(policy).unwrap()).unwrap();
    let text =
        std::fs::read_to_string(&corpus).unwrap_or_else(|e| panic!("{}: {e}", corpus.display()));
    let mut fired: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut texts, mut alarmed) = (0, 0);
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let tweet = line.split('\t').next().unwrap_or_default();
        let tweet = tweet.replace("|LBR|", "\n");
        texts += 1;
        let report = engine.check(&Draft::new(tweet.clone()), &[], None).unwrap();
        let mut any = false;
        for diagnostic in &report.diagnostics {
            let rule = diagnostic.rule.as_str();
            if !(rule.starts_with("address.") || rule.starts_with("neutrality.")) {
                continue;
            }
            let texts = fired.entry(rule.to_owned()).or_default();
            if texts.last() != Some(&tweet) {
                texts.push(tweet.clone());
            }
            any = true;
        }
        alarmed += usize::from(any);
    }
    println!("{texts} texts, {alarmed} with an address or neutrality finding");
    for (rule, texts) in &fired {
        println!("{rule}: {} texts", texts.len());
        let shown = if show.contains(rule) {
            texts.len()
        } else {
            EXAMPLES
        };
        for text in texts.iter().take(shown) {
            println!("  {}", text.replace('\n', " / "));
        }
    }
}
