//! `freigabe report` end to end: JSON shape, HTML, exit codes, bad dates and paths, broken
//! archive lines listed with their line numbers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use serde_json::Value;

const POLICY: &str = "../policies/paderborn.toml";
const POSTS: &str = "../examples/archive/posts.jsonl";
const COMMENTS: &str = "../examples/archive/comments.jsonl";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_freigabe"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FREIGABE_LANG")
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["report", "--policy", POLICY, "--format", "json"];
    all.extend_from_slice(args);
    let output = run(&all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The progress bar is for terminals: with stderr piped, `report` writes nothing there.
#[test]
fn report_writes_no_progress_noise_when_stderr_is_not_a_terminal() {
    for quiet in [None, Some("--quiet")] {
        let mut args = vec!["report", "--policy", POLICY, "--format", "json"];
        args.extend(quiet);
        args.extend(["--archive", POSTS]);
        let output = run(&args);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{quiet:?}");
    }
}

#[test]
fn quarter_of_the_example_archive_has_the_documented_shape() {
    let report = json(&[
        "--archive",
        POSTS,
        "--comments",
        COMMENTS,
        "--from",
        "2025-07-01",
        "--to",
        "2025-09-30",
    ]);
    assert_eq!(report["organisation"], "Stadt Paderborn");
    assert_eq!(report["from"], "2025-07-01");
    assert_eq!(report["to"], "2025-09-30");
    assert!(
        report["policy_digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    let accounts = report["accounts"].as_array().unwrap();
    let ids: Vec<&str> = accounts
        .iter()
        .map(|a| a["account"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["buergermeister", "michael-dreier"]);
    let official = &accounts[0];
    assert_eq!(official["band"]["min"], 2);
    assert_eq!(official["band"]["max"], 3);
    assert_eq!(official["time_zone"], "Europe/Berlin");
    let quarters = official["quarters"].as_array().unwrap();
    assert_eq!(quarters.len(), 1);
    let q3 = &quarters[0];
    assert_eq!(q3["label"], "2025-Q3");
    // The range starts and ends on a Tuesday: both edge weeks are shown, not classified.
    let weeks = q3["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 14);
    assert_eq!(weeks[0]["monday"], "2025-06-30");
    assert_eq!(weeks[0]["complete"], false);
    let summary = &q3["week_summary"];
    assert_eq!(summary["weeks"], 12);
    assert_eq!(
        summary["below"].as_u64().unwrap()
            + summary["within"].as_u64().unwrap()
            + summary["above"].as_u64().unwrap(),
        summary["weeks"].as_u64().unwrap()
    );
    // The election of 14 September 2025 lies in the quarter; the archive posts more before it.
    assert_eq!(q3["elections"][0]["date"], "2025-09-14");
    assert!(
        q3["election_rise"]["window_per_week"].as_f64().unwrap()
            > q3["election_rise"]["baseline_per_week"].as_f64().unwrap()
    );
    assert!(
        q3["weeks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["election_window"] == true)
    );
    let responses = &q3["responses"];
    assert!(responses["questions"].as_u64().unwrap() > 0);
    assert!(responses["buckets"].as_array().unwrap().len() >= 2);
    assert!(q3["findings"]["checked"].as_u64().unwrap() >= q3["posts"].as_u64().unwrap());
    // The whole-range total equals the one quarter here.
    assert_eq!(official["total"]["posts"], q3["posts"]);
}

#[test]
fn html_report_is_written_to_the_output_file() {
    let path = std::env::temp_dir().join(format!("freigabe-report-{}.html", std::process::id()));
    let output = second_quarter_2026(&["--lang", "en", "--output", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    // It says where it wrote what.
    let said = String::from_utf8(output.stderr.clone()).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        said.starts_with(&format!("wrote report to `{}`: ", path.display())),
        "{said}"
    );
    assert!(
        said.trim_end()
            .ends_with(&format!("{:.1} kB", size.div_ceil(100) as f64 / 10.0)),
        "{said}"
    );
    let html = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("Q2 2026"));
    assert!(html.contains("<svg "));
}

/// `freigabe report` of the example archive's second quarter of 2026, with `more` arguments.
fn second_quarter_2026(more: &[&str]) -> Output {
    let mut args = vec![
        "report",
        "--policy",
        POLICY,
        "--archive",
        POSTS,
        "--from",
        "2026-04-01",
        "--to",
        "2026-06-30",
    ];
    args.extend_from_slice(more);
    run(&args)
}

/// The German page of the example archive: rules by title with the id beside, and the
/// shipped policy sets no response target, so no share answered in time is shown.
#[test]
fn html_report_names_rules_by_title_and_shows_an_unset_target() {
    let output = second_quarter_2026(&["--comments", COMMENTS, "--format", "html"]);
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.contains(
        "Fehlender Alternativtext <code class=\"rule-id\">accessibility.alt-text</code>"
    ));
    assert!(html.contains("<b>Kein Ziel festgelegt</b>"), "{html}");
    assert!(!html.contains("Fragen fristgerecht beantwortet (0 von"));
}

#[test]
fn broken_archive_lines_are_listed_and_the_rest_counted() {
    let path = std::env::temp_dir().join(format!("freigabe-archive-{}.jsonl", std::process::id()));
    std::fs::write(
        &path,
        concat!(
            "{\"text\": \"Guten Morgen\", \"published_at\": \"2026-05-04T10:00:00+02:00\"}\n",
            "{\"text\": \"kaputt\"\n",
            "\n",
            "{\"text\": \"Mittag\", \"published_at\": \"2026-05-05T12:00:00+02:00\", \"platfroms\": []}\n",
            "{\"text\": \"Abend\", \"published_at\": \"2026-05-06T18:00:00+02:00\"}\n",
        ),
    )
    .unwrap();
    let report = json(&["--archive", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    let errors = report["archive_errors"].as_array().unwrap();
    let lines: Vec<u64> = errors.iter().map(|e| e["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [2, 4]);
    assert!(errors[1]["message"].as_str().unwrap().contains("platfroms"));
    assert_eq!(report["records"], 2);
}

#[test]
fn bad_dates_and_paths_are_usage_errors() {
    let bad_date = run(&[
        "report",
        "--policy",
        POLICY,
        "--archive",
        POSTS,
        "--from",
        "2025-13-01",
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--from"));

    let reversed = run(&[
        "report",
        "--policy",
        POLICY,
        "--archive",
        POSTS,
        "--from",
        "2025-10-01",
        "--to",
        "2025-09-30",
    ]);
    assert_eq!(reversed.status.code(), Some(2));
    let message = String::from_utf8_lossy(&reversed.stderr);
    assert!(
        message.contains("`--from 2025-10-01` liegt nach `--to 2025-09-30`"),
        "{message}"
    );
    assert!(message.contains("Hilfe"), "{message}");

    let missing = run(&[
        "report",
        "--policy",
        POLICY,
        "--archive",
        "gibt-es-nicht.jsonl",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("`gibt-es-nicht.jsonl`"));

    let missing_comments = run(&[
        "report",
        "--policy",
        POLICY,
        "--archive",
        POSTS,
        "--comments",
        "fehlt.jsonl",
        "--lang",
        "en",
    ]);
    assert_eq!(missing_comments.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing_comments.stderr)
            .contains("cannot read comments `fehlt.jsonl`")
    );
}
