//! Calendar data in policies (`federal-state`, `posts-per-week`, `office-hours`, blackout
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
    report.diagnostics.into_iter().map(|d| d.rule).collect()
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
