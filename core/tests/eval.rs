//! Precision and recall of the language rules on the labelled sets in `tests/eval/`.
//! Run with `--nocapture` to see the table; a file's `[targets]` make the test fail when
//! missed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use freigabe::{Draft, Engine, Policy};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvalFile {
    scope: Vec<String>,
    #[serde(default)]
    targets: Option<Targets>,
    policy: PolicyText,
    #[serde(rename = "sample")]
    samples: Vec<Sample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Targets {
    precision: f64,
    recall: f64,
    #[serde(default)]
    evasion: Option<f64>,
    /// Targets of single rules, for a rule whose few samples vanish in the file's total.
    #[serde(default)]
    rules: BTreeMap<String, RuleTargets>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleTargets {
    precision: f64,
    recall: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyText {
    toml: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    text: String,
    expect: Vec<String>,
    #[serde(default)]
    account: Option<String>,
    #[serde(default)]
    technique: Option<String>,
    #[serde(default)]
    #[allow(dead_code)] // documentation for readers of the set
    note: Option<String>,
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn language_rules_meet_their_targets() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/eval");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut problems = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file: EvalFile = toml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let engine = Engine::new(
            Policy::from_toml(&file.policy.toml).unwrap_or_else(|e| panic!("{name}: {e}")),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let in_scope = |rule: &str| {
            file.scope
                .iter()
                .any(|prefix| rule.starts_with(prefix.as_str()))
        };
        let mut per_rule: BTreeMap<String, Tally> = BTreeMap::new();
        let (mut overall, mut evasions, mut evasions_caught) = (Tally::default(), 0, 0);
        let mut misses = Vec::new();
        for sample in &file.samples {
            let mut draft = Draft::new(sample.text.clone());
            draft.account.clone_from(&sample.account);
            let report = engine
                .check(&draft, &[], None)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let reported: BTreeSet<&str> = report
                .diagnostics
                .iter()
                .map(|d| d.rule.as_str())
                .filter(|r| in_scope(r))
                .collect();
            let expected: BTreeSet<&str> = sample.expect.iter().map(String::as_str).collect();
            for rule in reported.union(&expected) {
                let tally = per_rule.entry((*rule).to_owned()).or_default();
                match (expected.contains(rule), reported.contains(rule)) {
                    (true, true) => {
                        tally.true_positives += 1;
                        overall.true_positives += 1;
                    }
                    (false, true) => {
                        tally.false_positives += 1;
                        overall.false_positives += 1;
                        // The words the rule marked, so a reader sees why.
                        let marked: Vec<&str> = report
                            .diagnostics
                            .iter()
                            .filter(|d| d.rule == *rule)
                            .filter_map(|d| d.span.as_ref())
                            .filter_map(|span| sample.text.get(span.start..span.end))
                            .collect();
                        misses.push(format!(
                            "  false positive {rule} {marked:?}: {}",
                            sample.text
                        ));
                    }
                    (true, false) => {
                        tally.false_negatives += 1;
                        overall.false_negatives += 1;
                        misses.push(format!("  missed {rule}: {}", sample.text));
                    }
                    (false, false) => {}
                }
            }
            let obfuscated = sample.technique.as_deref().is_some_and(|t| t != "plain");
            if obfuscated && !expected.is_empty() {
                evasions += 1;
                if expected.is_subset(&reported) {
                    evasions_caught += 1;
                }
            }
        }
        let positives = file.samples.iter().filter(|s| !s.expect.is_empty()).count();
        println!(
            "{name}: {} samples ({positives} positive, {} negative)",
            file.samples.len(),
            file.samples.len() - positives
        );
        for (rule, tally) in &per_rule {
            println!(
                "  {rule:<32} precision {:.3}  recall {:.3}  (tp {} fp {} fn {})",
                tally.precision(),
                tally.recall(),
                tally.true_positives,
                tally.false_positives,
                tally.false_negatives
            );
        }
        let evasion_rate = ratio(evasions_caught, evasions);
        println!(
            "  {:<32} precision {:.3}  recall {:.3}  evasions caught {evasions_caught}/{evasions} ({evasion_rate:.3})",
            "all",
            overall.precision(),
            overall.recall()
        );
        for miss in &misses {
            println!("{miss}");
        }
        if let Some(targets) = &file.targets {
            if overall.precision() < targets.precision || overall.recall() < targets.recall {
                problems.push(format!(
                    "{name}: precision {:.3} (target {}), recall {:.3} (target {})",
                    overall.precision(),
                    targets.precision,
                    overall.recall(),
                    targets.recall
                ));
            }
            for (rule, target) in &targets.rules {
                let tally = per_rule.get(rule.as_str());
                let (precision, recall) = tally.map_or((0.0, 0.0), |t| (t.precision(), t.recall()));
                if precision < target.precision || recall < target.recall {
                    problems.push(format!(
                        "{name}: {rule} precision {precision:.3} (target {}), recall {recall:.3} (target {})",
                        target.precision, target.recall
                    ));
                }
            }
            if let Some(target) = targets.evasion
                && evasion_rate < target
            {
                problems.push(format!(
                    "{name}: evasions caught {evasion_rate:.3} (target {target})"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "targets missed:\n{}",
        problems.join("\n")
    );
}
