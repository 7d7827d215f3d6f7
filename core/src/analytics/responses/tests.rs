use super::*;
use crate::lang::Lang;

/// Paderborn-like account: weekdays 09:00–17:00, North Rhine-Westphalia.
const OFFICE_POLICY: &str = r#"
    federal-state = "NW"
    [accounts.stadt]
    kind = "official"
    platforms = ["facebook"]
    office-hours.windows = [{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }]
"#;

fn policy(text: &str) -> Policy {
    Policy::from_toml(text).unwrap()
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn question(id: &str, when: &str, text: &str) -> Interaction {
    Interaction {
        id: id.into(),
        account: "stadt".into(),
        platform: Some(Platform::Facebook),
        post_id: Some("p1".into()),
        in_reply_to: None,
        from_account: false,
        at: at(when),
        text: Some(text.into()),
        automatic: None,
    }
}

fn reply(id: &str, to: &str, when: &str, text: &str) -> Interaction {
    Interaction {
        id: id.into(),
        in_reply_to: Some(to.into()),
        from_account: true,
        ..question(id, when, text)
    }
}

fn analyse(policy_text: &str, records: &[Interaction]) -> ResponseAnalysis {
    analyse_responses(&policy(policy_text), "stadt", records, None, None).unwrap()
}

#[test]
fn weekend_does_not_count() {
    // Friday 18:00 (after closing) → Monday 09:30: only Monday's first half hour.
    let records = [
        question(
            "q",
            "2026-05-08T18:00:00+02:00",
            "Wann ist das Bürgerbüro offen?",
        ),
        reply("r", "q", "2026-05-11T09:30:00+02:00", "Ab 8:30 Uhr."),
    ];
    let analysis = analyse(OFFICE_POLICY, &records);
    assert_eq!(analysis.latencies_minutes, [30]);
    assert_eq!((analysis.questions, analysis.answered), (1, 1));
    assert!(analysis.office_time);
}

#[test]
fn public_holiday_of_the_state_does_not_count() {
    // Wednesday 16:30 → Friday 09:30 across Fronleichnam (Thursday 4 June 2026, NW):
    // 30 minutes on Wednesday, none on the holiday, 30 on Friday.
    let records = [
        question(
            "q",
            "2026-06-03T16:30:00+02:00",
            "Wo kann ich Sperrmüll anmelden?",
        ),
        reply(
            "r",
            "q",
            "2026-06-05T09:30:00+02:00",
            "Online unter paderborn.de.",
        ),
    ];
    assert_eq!(analyse(OFFICE_POLICY, &records).latencies_minutes, [60]);
    // In Hamburg the Thursday is a working day: 30 + 480 + 30.
    let hamburg = OFFICE_POLICY.replace("\"NW\"", "\"HH\"");
    assert_eq!(analyse(&hamburg, &records).latencies_minutes, [540]);
}

#[test]
fn dst_switch_is_counted_in_local_time() {
    // Summer time begins Sunday 29 March 2026. Friday 16:00 CET → Monday 10:00 CEST is one
    // office hour each day; with Friday's offset kept, Monday would count no time at all.
    let records = [
        question(
            "q",
            "2026-03-27T16:00:00+01:00",
            "Gibt es noch Plätze im Ferienprogramm",
        ),
        reply("r", "q", "2026-03-30T10:00:00+02:00", "Ja, zwei."),
    ];
    assert_eq!(analyse(OFFICE_POLICY, &records).latencies_minutes, [120]);

    // Round-the-clock hours: the switch day has 23 hours, and noon to noon is 23 hours.
    let always = OFFICE_POLICY.replace(
        r#"days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00""#,
        r#"days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], from = "00:00", to = "24:00""#,
    );
    let records = [
        question("q", "2026-03-28T12:00:00+01:00", "Ist der Markt morgen?"),
        reply("r", "q", "2026-03-29T12:00:00+02:00", "Ja."),
    ];
    assert_eq!(analyse(&always, &records).latencies_minutes, [23 * 60]);
}

#[test]
fn reply_before_office_hours_takes_no_office_time_and_is_outside_hours() {
    let records = [
        question(
            "q",
            "2026-05-05T07:00:00+02:00",
            "Ist die Kita heute offen?",
        ),
        reply("r", "q", "2026-05-05T08:30:00+02:00", "Ja, ab 7 Uhr."),
    ];
    let analysis = analyse(OFFICE_POLICY, &records);
    assert_eq!(analysis.latencies_minutes, [0]);
    assert_eq!(analysis.answered_within_target, 1);
    assert_eq!(analysis.replies_outside_hours, 1);
    assert_eq!(analysis.automatic_outside_hours, 0);
    assert_eq!(analysis.manual_outside_hours, ["r"]);
}

#[test]
fn unanswered_question_counts_against_the_share() {
    let records = [
        question(
            "q1",
            "2026-05-05T10:00:00+02:00",
            "Wann wird die Straße gesperrt?",
        ),
        reply("r1", "q1", "2026-05-05T10:45:00+02:00", "Ab Montag."),
        question(
            "q2",
            "2026-05-05T11:00:00+02:00",
            "Warum fällt der Bus aus?",
        ),
        question("c", "2026-05-05T11:05:00+02:00", "Danke für die Info!"),
    ];
    let analysis = analyse(OFFICE_POLICY, &records);
    assert_eq!(analysis.comments, 3);
    assert_eq!(analysis.questions, 2);
    assert_eq!(analysis.unanswered, ["q2"]);
    assert_eq!(analysis.share_within_target, Some(0.5));
    let count = |key: &str| {
        analysis
            .buckets
            .iter()
            .find(|bucket| bucket.key == key)
            .unwrap()
            .count
    };
    assert_eq!((count("1h"), count("unanswered"), count("4h")), (1, 1, 0));
}

#[test]
fn automatic_notice_at_night_is_no_answer() {
    let records = [
        question(
            "q",
            "2026-05-05T22:00:00+02:00",
            "Wo finde ich das Formular?",
        ),
        reply(
            "auto",
            "q",
            "2026-05-05T22:01:00+02:00",
            "Automatische Antwort: Wir melden uns ab 9 Uhr bei Ihnen.",
        ),
        Interaction {
            automatic: Some(true),
            ..reply("flagged", "q", "2026-05-05T22:02:00+02:00", "Danke!")
        },
        reply(
            "r",
            "q",
            "2026-05-06T09:15:00+02:00",
            "Unter paderborn.de/formulare.",
        ),
    ];
    let analysis = analyse(OFFICE_POLICY, &records);
    assert_eq!(analysis.latencies_minutes, [15]);
    assert_eq!(analysis.replies_outside_hours, 2);
    assert_eq!(analysis.automatic_outside_hours, 2);
    assert!(analysis.manual_outside_hours.is_empty());
}

#[test]
fn explicit_manual_flag_beats_marker_text() {
    let records = [Interaction {
        automatic: Some(false),
        ..reply(
            "r",
            "q",
            "2026-05-05T22:00:00+02:00",
            "Wir melden uns morgen, versprochen.",
        )
    }];
    let analysis = analyse(OFFICE_POLICY, &records);
    assert_eq!(analysis.manual_outside_hours, ["r"]);
}

#[test]
fn policy_markers_and_target_apply() {
    let text = format!(
        "{OFFICE_POLICY}\n[accounts.stadt.responses]\ntarget-hours = 1\nauto-reply-markers = [\"Gerne ab Montag\"]\n"
    );
    let records = [
        question("q1", "2026-05-05T09:00:00+02:00", "Wann?"),
        reply("r1", "q1", "2026-05-05T11:00:00+02:00", "Morgen."),
        question("q2", "2026-05-09T10:00:00+02:00", "Wo?"),
        reply("r2", "q2", "2026-05-09T10:05:00+02:00", "GERNE AB MONTAG!"),
    ];
    let analysis = analyse(&text, &records);
    assert_eq!(analysis.target_hours, 1);
    assert_eq!(analysis.answered_late, ["q1"]);
    assert_eq!(analysis.unanswered, ["q2"]);
    assert_eq!(analysis.automatic_outside_hours, 1);
    assert_eq!(analysis.share_within_target, Some(0.0));
}

#[test]
fn without_office_hours_latency_is_wall_clock() {
    let policy = "[accounts.stadt]\nkind = \"official\"\nplatforms = [\"facebook\"]\n";
    let records = [
        question("q", "2026-05-08T18:00:00+02:00", "Wann?"),
        reply("r", "q", "2026-05-11T09:30:00+02:00", "Montag."),
    ];
    let analysis = analyse(policy, &records);
    assert_eq!(analysis.latencies_minutes, [(2 * 24 + 15) * 60 + 30]);
    assert!(!analysis.office_time);
    assert_eq!(analysis.replies_outside_hours, 0);
}

#[test]
fn period_selects_questions_by_time_asked_and_other_accounts_are_ignored() {
    let records = [
        question("before", "2026-04-30T10:00:00+02:00", "Wann?"),
        question("inside", "2026-05-04T10:00:00+02:00", "Wo?"),
        reply("r", "inside", "2026-06-01T10:00:00+02:00", "Hier."),
        Interaction {
            account: "andere".into(),
            ..question("other", "2026-05-04T10:00:00+02:00", "Wer?")
        },
    ];
    let analysis = analyse_responses(
        &policy(OFFICE_POLICY),
        "stadt",
        &records,
        Some(at("2026-05-01T00:00:00+02:00")),
        Some(at("2026-06-01T00:00:00+02:00")),
    )
    .unwrap();
    assert_eq!(analysis.questions, 1);
    assert_eq!(analysis.answered, 1, "a reply after `to` still answers");
    assert_eq!(
        analysis.replies_outside_hours, 0,
        "the reply lies after `to`"
    );
}

#[test]
fn unknown_account_is_refused_with_a_suggestion() {
    let error = analyse_responses(&policy(OFFICE_POLICY), "stdt", &[], None, None).unwrap_err();
    assert_eq!(error.kind, InputErrorKind::UnknownAccount);
    assert_eq!(error.help.unwrap().get(Lang::En), "did you mean `stadt`?");
}

#[test]
fn nearest_rank_percentiles() {
    let sorted = [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560];
    assert_eq!(nearest_rank(&sorted, 50), Some(80));
    assert_eq!(nearest_rank(&sorted, 90), Some(1280));
    assert_eq!(nearest_rank(&[7], 90), Some(7));
    assert_eq!(nearest_rank(&[], 50), None);
    let buckets = buckets(&sorted, 0);
    let counts: Vec<usize> = buckets.iter().map(|bucket| bucket.count).collect();
    // ≤1h: 5,10,20,40 · ≤4h: 80,160 · ≤8h: 320 · ≤24h: 640,1280 · ≤72h: 2560
    assert_eq!(counts, [4, 2, 1, 2, 1, 0, 0]);
    assert_eq!(buckets[5].label(Lang::De), "> 72 h");
    assert_eq!(buckets[1].label(Lang::En), "≤ 4 h");
}

#[test]
fn malformed_line_among_good_ones() {
    let input = concat!(
        r#"{"id": "a", "account": "stadt", "at": "2026-05-05T10:00:00+02:00", "text": "Wann?"}"#,
        "\n\n",
        r#"{"id": "b", "account": "stadt", "at": "2026-05-05T10:00:00+02:00", "txt": "Wo?"}"#,
        "\n",
        r#"{"id": "c", "account": "stadt", "at": "gestern"}"#,
        "\n",
        r#"{"id": "d", "account": "stadt", "from_account": true, "in_reply_to": "a", "at": "2026-05-05T11:00:00Z"}"#,
        "\n",
    );
    let parsed = parse_interactions(input);
    assert_eq!(parsed.len(), 4, "blank lines are skipped");
    assert!(parsed[0].is_ok() && parsed[3].is_ok());
    let typo = parsed[1].as_ref().unwrap_err();
    assert_eq!(typo.kind, InputErrorKind::InvalidRecord);
    assert_eq!(typo.position.map(|(line, _)| line), Some(3));
    assert_eq!(
        typo.message.get(Lang::En),
        "invalid record: unknown key `txt`"
    );
    assert_eq!(
        typo.help.as_ref().unwrap().get(Lang::De),
        "Meinten Sie `text`?"
    );
    let bad_time = parsed[2].as_ref().unwrap_err();
    assert_eq!(bad_time.position.map(|(line, _)| line), Some(4));
    assert!(bad_time.headline(Lang::En).starts_with("4:"));
}

#[test]
fn absurdly_late_reply_is_measured_over_one_year_at_most() {
    let records = [
        question("q", "2026-05-04T09:00:00+02:00", "Wann?"),
        reply("r", "q", "9999-12-30T12:00:00Z", "Jetzt."),
    ];
    let capped = analyse(OFFICE_POLICY, &records).latencies_minutes;
    let records = [
        question("q", "2026-05-04T09:00:00+02:00", "Wann?"),
        reply("r", "q", "2027-05-05T09:00:00+02:00", "Jetzt."),
    ];
    assert_eq!(capped, analyse(OFFICE_POLICY, &records).latencies_minutes);
    // About 250 working days of 8 hours, minus the holidays.
    assert!(
        (240 * 8 * 60..=255 * 8 * 60).contains(&capped[0]),
        "{capped:?}"
    );
}
