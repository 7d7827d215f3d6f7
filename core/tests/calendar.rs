//! Calendar data in policies (`federal-state`, `municipality-key`, `posts-per-week`, `office-hours`, blackout
//! days): the shipped cities carry it, and unusable values are refused with a location.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::path::PathBuf;

use freigabe::{Draft, Engine, Lang, Policy};

fn shipped(name: &str) -> Engine {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../policies")
        .join(name);
    let policy = Policy::load(&path.to_string_lossy(), |p| std::fs::read_to_string(p)).unwrap();
    Engine::new(policy).unwrap()
}

fn rules_at(engine: &Engine, scheduled_at: &str) -> Vec<String> {
    let mut draft = Draft::new("Der Wochenmarkt zieht um.");
    draft.scheduled_at = Some(scheduled_at.parse().unwrap());
    let report = engine.check(&draft, &[], None).unwrap();
    report
        .diagnostics
        .into_iter()
        .map(|d| d.rule.to_string())
        .collect()
}

/// The headline (`file:line:col: message`) of the error a policy text gives.
fn refused(text: &str) -> String {
    let error = match Policy::from_toml(text) {
        Err(error) => error,
        Ok(policy) => match Engine::new(policy) {
            Err(error) => error,
            Ok(_) => panic!("policy accepted:\n{text}"),
        },
    };
    error.headline(Lang::En)
}

const ACCOUNT: &str = "[accounts.a]\nkind = \"official\"\nplatforms = [\"x\"]\n";

#[test]
fn corpus_christi_is_a_holiday_in_paderborn_and_koblenz_not_in_bergedorf() {
    // Thursday 4 June 2026, 10:00: inside Paderborn's office hours.
    let at = "2026-06-04T10:00:00+02:00";
    assert!(rules_at(&shipped("paderborn.toml"), at).contains(&"schedule.holiday".into()));
    assert!(rules_at(&shipped("koblenz.toml"), at).contains(&"schedule.holiday".into()));
    assert!(!rules_at(&shipped("bergedorf.toml"), at).contains(&"schedule.holiday".into()));
}

#[test]
fn paderborn_office_hours_and_silent_days() {
    let paderborn = shipped("paderborn.toml");
    assert!(rules_at(&paderborn, "2026-05-05T10:00:00+02:00").is_empty());
    assert_eq!(
        rules_at(&paderborn, "2026-05-05T21:00:00+02:00"),
        ["schedule.outside-hours"]
    );
    // Volkstrauertag 2026 (a Sunday, so outside the hours as well) from base.toml.
    let volkstrauertag = rules_at(&paderborn, "2026-11-15T11:00:00+01:00");
    assert!(volkstrauertag.contains(&"schedule.blackout".into()));
}

#[test]
fn min_above_max_is_refused_at_min() {
    let headline = refused(&format!(
        "{ACCOUNT}posts-per-week = {{ min = 4, max = 3 }}\n"
    ));
    assert!(headline.starts_with("<policy>:4:26:"), "{headline}");
    assert!(
        headline.contains("`min = 4` is greater than `max = 3`"),
        "{headline}"
    );
}

#[test]
fn zero_posts_a_week_is_refused() {
    let headline = refused(&format!("{ACCOUNT}posts-per-week = {{ max = 0 }}\n"));
    assert!(headline.contains("`max = 0`"), "{headline}");
}

#[test]
fn unknown_federal_state_is_refused() {
    let headline = refused(&format!("{ACCOUNT}federal-state = \"NRW\"\n"));
    assert!(headline.starts_with("<policy>:4:"), "{headline}");
}

#[test]
fn office_hours_need_hh_mm_and_an_end_after_the_start() {
    let window = |from: &str, to: &str| {
        refused(&format!(
            "{ACCOUNT}[accounts.a.office-hours]\nwindows = [{{ days = [\"mon\"], from = \"{from}\", to = \"{to}\" }}]\n"
        ))
    };
    let short = window("9:00", "17:00");
    assert!(short.starts_with("<policy>:5:37:"), "{short}");
    assert!(short.contains("`9:00` is not a time"), "{short}");
    let reversed = window("17:00", "09:00");
    assert!(
        reversed.contains("the end `09:00` is not after the start `17:00`"),
        "{reversed}"
    );
}

#[test]
fn blackout_day_must_be_a_date_or_a_known_movable_day() {
    let headline = refused(&format!(
        "[rules.\"schedule.blackout\"]\ndays = [{{ name = \"x\", date = \"volkstrauer\" }}]\n{ACCOUNT}"
    ));
    assert!(headline.starts_with("<policy>:2:"), "{headline}");
    assert!(
        headline.contains("`volkstrauer` is not a day"),
        "{headline}"
    );
}

#[test]
fn averaging_window_is_bounded() {
    let headline = refused(&format!(
        "[rules.\"cadence.below-min\"]\nweeks = 0\n{ACCOUNT}"
    ));
    assert!(
        headline.contains("`weeks` must be between 1 and 26"),
        "{headline}"
    );
}

#[test]
fn municipality_key_contradicting_federal_state_is_refused_at_the_state() {
    // Paderborn's key lies in North Rhine-Westphalia, not in Hesse.
    let headline = refused(&format!(
        "{ACCOUNT}municipality-key = \"05774032\"\nfederal-state = \"HE\"\n"
    ));
    assert!(headline.starts_with("<policy>:5:17:"), "{headline}");
    assert!(
        headline.contains("`federal-state = \"HE\"` contradicts the municipality key `05774032`, which lies in `NW`"),
        "{headline}"
    );
}

#[test]
fn municipality_key_must_be_eight_digits_of_a_state() {
    for key in ["5774032", "17000000", "0577403x"] {
        let headline = refused(&format!("{ACCOUNT}municipality-key = \"{key}\"\n"));
        assert!(headline.starts_with("<policy>:4:20:"), "{headline}");
        assert!(
            headline.contains("is not an official municipality key"),
            "{headline}"
        );
    }
}

#[test]
fn bavarian_key_without_known_assumption_day_asks_for_it() {
    // Ermershausen (Unterfranken): not in the shipped table.
    let headline = refused(&format!("{ACCOUNT}municipality-key = \"09674223\"\n"));
    assert!(headline.starts_with("<policy>:4:20:"), "{headline}");
    assert!(
        headline.contains("whether Mariä Himmelfahrt (15 August) is a public holiday in the Bavarian municipality `09674223` is not known"),
        "{headline}"
    );
    // Bavaria without any municipality: the state alone does not decide.
    let state_only = refused(&format!("{ACCOUNT}federal-state = \"BY\"\n"));
    assert!(state_only.starts_with("<policy>:4:17:"), "{state_only}");
    assert!(state_only.contains("names no municipality"), "{state_only}");
}

#[test]
fn assumption_day_contradicting_the_state_office_is_refused() {
    let headline = refused(&format!(
        "{ACCOUNT}municipality-key = \"09564000\"\nassumption-day = true\n"
    ));
    assert!(headline.starts_with("<policy>:5:18:"), "{headline}");
    assert!(headline.contains("`assumption-day` contradicts the official determination for the municipality `09564000`"), "{headline}");
}

#[test]
fn assumption_day_outside_bavaria_is_refused() {
    let headline = refused(&format!(
        "{ACCOUNT}federal-state = \"NW\"\nassumption-day = true\n"
    ));
    assert!(
        headline
            .contains("`assumption-day` applies to municipalities in Bavaria only, not in `NW`"),
        "{headline}"
    );
}

#[test]
fn partly_listed_sorbian_municipality_asks_for_corpus_christi() {
    let headline = refused(&format!("{ACCOUNT}municipality-key = \"14625020\"\n"));
    assert!(headline.starts_with("<policy>:4:20:"), "{headline}");
    assert!(
        headline.contains(
            "(Bautzen) Fronleichnam is a public holiday in some parts only (Bolbritz, Salzenforst)"
        ),
        "{headline}"
    );
}

#[test]
fn account_key_overrides_the_policy_state() {
    // The policy is in NRW; one account works in Augsburg: no contradiction.
    let text = format!("federal-state = \"NW\"\n{ACCOUNT}municipality-key = \"09761000\"\n");
    let engine = Engine::new(Policy::from_toml(&text).unwrap()).unwrap();
    assert!(rules_at(&engine, "2025-08-08T10:00:00+02:00").contains(&"schedule.holiday".into()));
    assert!(!rules_at(&engine, "2025-08-07T10:00:00+02:00").contains(&"schedule.holiday".into()));
}
