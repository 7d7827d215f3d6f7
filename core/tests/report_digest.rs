//! Every report byte (but the policy digest) of 2,000 bench corpus posts and 1,000
//! adversarial drafts, checked against `policies/paderborn.toml`, hashed into one SHA-256:
//! performance work must leave it unchanged. A rule or policy change that alters results on
//! purpose re-blesses it:
//!
//! ```text
//! FREIGABE_BLESS=1 cargo test -p freigabe --test report_digest
//! ```
//!
//! and says in its commit message why the reports changed. To see *which* reports
//! changed, compare `cargo run --release -p freigabe --example reports` before and after.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../benches/support/adversarial.rs"]
mod adversarial;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use freigabe::{Engine, Policy};
use sha2::{Digest, Sha256};

const DIGEST_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/report_digest.sha256");

fn reports_digest() -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let policy = Policy::load(&format!("{root}/policies/paderborn.toml"), |p: &str| {
        std::fs::read_to_string(p)
    })
    .unwrap_or_else(|e| panic!("{}", e.render(freigabe::Lang::En)));
    let engine = Engine::new(policy).unwrap();
    let (history, now) = (corpus::history(), Some(corpus::now()));
    let mut hasher = Sha256::new();
    let drafts = corpus::drafts(corpus::SEED)
        .take(2_000)
        .chain(adversarial::drafts(adversarial::SEED, &[]).take(1_000));
    for draft in drafts {
        // Same lines as `examples/reports.rs`, so its output explains a changed digest.
        let line = match engine.check(&draft, &history, now) {
            Ok(mut report) => {
                // Findings only: a comment in a policy changes its digest, not a result.
                report.policy_digest = "".into();
                serde_json::to_string(&report).unwrap()
            }
            Err(error) => format!("error: {error}"),
        };
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn reports_are_unchanged() {
    let digest = reports_digest();
    if std::env::var_os("FREIGABE_BLESS").is_some() {
        std::fs::write(DIGEST_FILE, format!("{digest}\n")).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(DIGEST_FILE).unwrap_or_default();
    assert_eq!(
        expected.trim(),
        digest,
        "the reports of the corpus and adversarial drafts changed; if a rule or policy \
         changed them on purpose: FREIGABE_BLESS=1 cargo test -p freigabe --test report_digest"
    );
}
