//! A history indexed once (`HistoryIndex`, what `check_many` builds per batch) gives every
//! draft the report that `Engine::check` gives with the plain entries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::sync::OnceLock;

use freigabe::{Draft, Engine, HistoryEntry, HistoryIndex, Platform, Policy, Report};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// Every cadence rule on, with bands and windows that the generated histories cross.
const POLICY: &str = r#"
imprint = "https://www.paderborn.de/impressum"
default-account = "stadt"

[[elections]]
name = "Kommunalwahl"
date = "2026-05-31"
window-weeks = 6

[accounts.stadt]
kind = "official"
platforms = ["x", "instagram", "facebook"]
posts-per-week = { min = 2, max = 3 }
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]

[accounts.privat]
kind = "private"
platforms = ["instagram"]
posts-per-week = { min = 1, max = 2 }

[rules."cadence.min-gap"]
minutes = 120

[rules."cadence.election-rise"]
baseline-weeks = 4
"#;

/// Texts that are, in part, channel versions of one another.
const TEXTS: &[&str] = &[
    "Ab Montag hat das Bürgerbüro neue Öffnungszeiten. Mehr: https://paderborn.de/x",
    "Ab Montag hat das Bürgerbüro neue Öffnungszeiten 🗓️ #Paderborn @stadt",
    "Der Wochenmarkt zieht um.",
    "der  WOCHENMARKT zieht um",
    "Die neue Radstation am Bahnhof öffnet am Montag mit 400 Plätzen.",
    "Die neue Radstation am Bahnhof öffnet heute mit 400 Plätzen! 🚲",
    "Die Stadtbibliothek lädt ein.",
];

const PLATFORMS: &[Platform] = &[Platform::X, Platform::Instagram, Platform::Facebook];

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap())
}

/// The middle of the election window: 2026-05-11 10:00 Berlin time.
fn base() -> Timestamp {
    "2026-05-11T10:00:00+02:00".parse().unwrap()
}

fn minutes_from_base(minutes: i64) -> Timestamp {
    base()
        .checked_add(SignedDuration::from_mins(minutes))
        .unwrap()
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.8, prop::sample::select(TEXTS).prop_map(str::to_owned))
}

fn post_id() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(0.2, prop::sample::select(&["pm-1", "pm-2", "pm-3"][..]))
        .prop_map(|id| id.map(str::to_owned))
}

fn platforms() -> impl Strategy<Value = Vec<Platform>> {
    prop::sample::subsequence(PLATFORMS, 0..=PLATFORMS.len())
}

/// Entries within ten weeks before and one week after the base, clustered enough that
/// cross-posts and gaps under two hours occur, for the policy's accounts and another one.
fn entry() -> impl Strategy<Value = HistoryEntry> {
    let minutes = prop_oneof![
        -10 * 7 * 24 * 60i64..7 * 24 * 60,
        -3 * 60i64..3 * 60,
        (-70i64..7).prop_map(|day| day * 24 * 60 + 5),
    ];
    (
        prop::sample::select(&["stadt", "privat", "anderes-konto"][..]),
        platforms(),
        minutes,
        text(),
        post_id(),
    )
        .prop_map(
            |(account, platforms, minutes, text, post_id)| HistoryEntry {
                account: account.to_owned(),
                platforms,
                published_at: minutes_from_base(minutes),
                text,
                post_id,
            },
        )
}

fn draft() -> impl Strategy<Value = Draft> {
    (
        prop::sample::select(&["stadt", "privat"][..]),
        prop::option::of(platforms()),
        prop::option::of(-3 * 60i64..3 * 60),
        prop::sample::select(TEXTS),
        post_id(),
    )
        .prop_map(|(account, platforms, minutes, text, post_id)| {
            let mut draft = Draft::new(text);
            draft.account = Some(account.to_owned());
            draft.platforms = platforms;
            draft.scheduled_at = minutes.map(minutes_from_base);
            draft.post_id = post_id;
            draft
        })
}

fn cadence_rules(report: &Report) -> Vec<&str> {
    report
        .diagnostics
        .iter()
        .map(|d| d.rule.as_str())
        .filter(|rule| rule.starts_with("cadence."))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn indexed_and_plain_history_give_the_same_reports(
        history in prop::collection::vec(entry(), 0..60),
        drafts in prop::collection::vec(draft(), 1..6),
    ) {
        let engine = engine();
        let index = HistoryIndex::new(&history);
        let now = Some(base());
        let plain: Vec<_> = drafts.iter().map(|d| engine.check(d, &history, now).unwrap()).collect();
        for (draft, expected) in drafts.iter().zip(&plain) {
            prop_assert_eq!(&engine.check_indexed(draft, &index, now).unwrap(), expected);
        }
        let batch: Vec<_> = engine
            .check_many(&drafts, &history, now, None)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        prop_assert_eq!(&batch, &plain);
    }
}

/// The table case: a busy week in the election window, a post ten minutes before the draft,
/// and a long quiet history before, so every cadence rule speaks, the same with and without index.
#[test]
fn every_cadence_rule_speaks_the_same_with_an_index() {
    let engine = engine();
    let mut history: Vec<HistoryEntry> = (1..=6)
        .map(|week| HistoryEntry {
            account: "stadt".to_owned(),
            platforms: vec![Platform::X],
            published_at: minutes_from_base(-(9 + week) * 7 * 24 * 60),
            text: Some(format!("Rückblick Nummer {week} auf die Woche im Rathaus.")),
            post_id: None,
        })
        .collect();
    // The election window opened on 2026-04-19; from then on, a post every day.
    history.extend((1..=20).map(|day| HistoryEntry {
        account: "stadt".to_owned(),
        platforms: vec![Platform::Facebook],
        published_at: minutes_from_base(-day * 24 * 60 + 30),
        text: Some(format!(
            "Tagesmeldung {day}: Baustellen und Termine in der Stadt."
        )),
        post_id: None,
    }));
    // Three more posts on the draft's Monday, the first ten minutes before it.
    history.extend([35, 3 * 60, 5 * 60].map(|minutes| HistoryEntry {
        account: "stadt".to_owned(),
        platforms: vec![Platform::X],
        published_at: minutes_from_base(minutes),
        text: Some(format!("Verkehrshinweis um {minutes}: Umleitung am Ring.")),
        post_id: None,
    }));
    // A week of the private account without posts: below its band.
    history.push(HistoryEntry {
        account: "privat".to_owned(),
        platforms: vec![Platform::Instagram],
        published_at: minutes_from_base(-60 * 24 * 60),
        text: None,
        post_id: None,
    });
    let mut busy = Draft::new("Die Stadtbibliothek lädt ein.");
    busy.scheduled_at = Some(minutes_from_base(45));
    let mut quiet = Draft::new("Sonntagsgruß aus dem Garten.");
    quiet.account = Some("privat".to_owned());
    let drafts = [busy, quiet];

    let index = HistoryIndex::new(&history);
    let now = Some(base());
    let mut spoken = Vec::new();
    for draft in &drafts {
        let plain = engine.check(draft, &history, now).unwrap();
        assert_eq!(engine.check_indexed(draft, &index, now).unwrap(), plain);
        spoken.extend(
            cadence_rules(&plain)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        );
    }
    spoken.sort();
    assert_eq!(
        spoken,
        [
            "cadence.below-min",
            "cadence.election-rise",
            "cadence.min-gap",
            "cadence.week-max"
        ]
    );
}
