//! Response-time analysis on the shipped Paderborn policy and example comments, and the
//! policy's `[accounts.<id>.responses]` section refusing mistakes with a location.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::path::PathBuf;

use freigabe::analytics::responses::{analyse_responses, parse_interactions};
use freigabe::{Lang, Policy, PolicyErrorKind};

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn paderborn_example_comments() {
    let policy = Policy::load(&repo("policies/paderborn.toml"), |p| {
        std::fs::read_to_string(p)
    })
    .unwrap();
    let text =
        std::fs::read_to_string(repo("examples/interactions/paderborn-comments.jsonl")).unwrap();
    let records: Vec<_> = parse_interactions(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(records.len(), 17);
    let analysis = analyse_responses(&policy, "buergermeister", &records, None, None).unwrap();

    assert_eq!(analysis.comments, 10);
    assert_eq!(
        analysis.questions, 7,
        "a thank-you and a sticker ask nothing"
    );
    assert_eq!(analysis.unanswered, ["ig-c8"]);
    // fb-c5 Saturday → Saturday: 0; fb-c3 evening → 09:40: 40; fb-c1: 53; fb-c4 Friday
    // 16:30 → Monday 10:00: 90; fb-c6 across Fronleichnam (NW): 180; fb-c9 a week: 37 h.
    assert_eq!(analysis.latencies_minutes, [0, 40, 53, 90, 180, 37 * 60]);
    assert_eq!(analysis.answered_late, ["fb-c9"]);
    assert_eq!(analysis.answered_within_target, 5);
    assert_eq!(analysis.share_within_target, Some(5.0 / 7.0));
    assert_eq!(analysis.median_minutes, Some(53));
    assert_eq!(analysis.p90_minutes, Some(37 * 60));
    assert_eq!(analysis.replies_outside_hours, 2);
    assert_eq!(analysis.automatic_outside_hours, 1, "the evening notice");
    assert_eq!(analysis.manual_outside_hours, ["ig-r5"]);

    let json = serde_json::to_value(&analysis).unwrap();
    assert_eq!(json["target_hours"], 24);
    assert_eq!(json["buckets"][0]["key"], "1h");
    assert_eq!(json["buckets"][0]["count"], 3);
}

#[test]
fn misspelt_responses_key_is_located_with_suggestion() {
    let policy = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n\n[accounts.stadt.responses]\ntarget-hour = 8\n";
    let error = Policy::from_toml(policy).unwrap_err();
    assert_eq!(error.kind, PolicyErrorKind::UnknownKey);
    let location = error.location.as_ref().unwrap();
    assert_eq!((location.line, location.column), (6, 1));
    assert_eq!(
        error.help.as_ref().unwrap().get(Lang::De),
        "Meinten Sie `target-hours`?"
    );
}

#[test]
fn zero_target_and_blank_marker_are_refused_at_their_place() {
    let base = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"x\"]\n\n[accounts.stadt.responses]\n";
    let zero = Policy::from_toml(&format!("{base}target-hours = 0\n")).unwrap_err();
    assert_eq!(zero.kind, PolicyErrorKind::InvalidValue);
    assert_eq!(zero.location.as_ref().unwrap().line, 6);
    assert!(zero.message.get(Lang::En).contains("between 1 and 720"));

    let blank = Policy::from_toml(&format!(
        "{base}auto-reply-markers = [\"wir melden uns\", \" \"]\n"
    ))
    .unwrap_err();
    assert_eq!(blank.kind, PolicyErrorKind::InvalidValue);
    assert_eq!(blank.location.as_ref().unwrap().line, 6);
}
