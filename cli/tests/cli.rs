//! End-to-end tests of the `freigabe` binary: exit codes, languages, output formats and
//! error messages, run against the fixtures in `tests/fixtures/`.

// Helpers outside `#[test]` functions fail a test by panicking, like the tests themselves.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const POLICY: &str = "tests/fixtures/policy.toml";

/// Runs the binary in the crate directory with `input` on stdin and no language from the
/// environment, so tests do not depend on the developer's shell.
fn run_with_env(args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_freigabe"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("FREIGABE_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("the binary starts");
    // The binary may exit before reading stdin (a usage error): a broken pipe is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("the binary finishes")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    run_with_env(args, input, &[])
}

fn run(args: &[&str]) -> Output {
    run_stdin(args, "")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("the binary exits normally")
}

/// A temporary file with `contents`, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let dir = std::env::temp_dir().join(format!("freigabe-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn draft(text: &str, platforms: &[&str]) -> String {
    serde_json::json!({"text": text, "account": "buergermeister", "platforms": platforms})
        .to_string()
}

/// 300 characters without entities: over X's 280 on every counting method.
fn long_text() -> String {
    "Libori kommt. ".repeat(22)[..300].to_owned()
}

// --- check: exit codes -------------------------------------------------------------------

#[test]
fn clean_draft_passes_with_exit_0() {
    let output = run_stdin(
        &["check", "--policy", POLICY, "-"],
        &draft("Guten Morgen, Paderborn!", &["instagram"]),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("freigabe: bestanden"));
}

#[test]
fn draft_over_the_x_limit_blocks_with_exit_1() {
    let output = run_stdin(
        &["check", "--policy", POLICY, "-"],
        &draft(&long_text(), &["x"]),
    );
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(out.contains("Fehler[length.limit]"), "{out}");
    assert!(out.contains("freigabe: blockiert"), "{out}");
    assert!(out.contains("x 300/280"), "{out}");
}

#[test]
fn warnings_fail_only_with_fail_on_warning() {
    let input = draft("Programm: http://www.paderborn.de/libori", &["facebook"]);
    let default = run_stdin(&["check", "--policy", POLICY, "-"], &input);
    assert_eq!(code(&default), 0);
    assert!(stdout(&default).contains("Warnung[links.https]"));
    let strict = run_stdin(
        &["check", "--policy", POLICY, "--fail-on", "warning", "-"],
        &input,
    );
    assert_eq!(code(&strict), 1);
}

#[test]
fn infos_fail_only_with_fail_on_info() {
    // The private account does not list facebook: an info, not a warning.
    let input = serde_json::json!({
        "text": "Schöner Abend!", "account": "michael-dreier", "platforms": ["facebook"]
    })
    .to_string();
    let warning = run_stdin(
        &["check", "--policy", POLICY, "--fail-on", "warning", "-"],
        &input,
    );
    assert_eq!(code(&warning), 0);
    let info = run_stdin(
        &["check", "--policy", POLICY, "--fail-on", "info", "-"],
        &input,
    );
    assert_eq!(code(&info), 1);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--policy", POLICY, "--bogus", "-"][..],
        &["check", "-"],
        &["check", "--policy", POLICY, "--platform", "twitter", "-"],
        &["check", "--policy", POLICY, "--format", "xml", "-"],
        &["count"],
        &["frobnicate"],
    ] {
        let output = run(args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn unknown_platform_lists_the_valid_ones() {
    let output = run(&["count", "--platform", "twitter", "-"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("mastodon"), "{}", stderr(&output));
}

#[test]
fn help_exits_0() {
    let output = run(&["--help"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).contains("check"));
}

/// German is the default language, of `--help` too: headings, texts, value names, defaults
/// and possible values; the snapshot shows what a press office reads.
#[test]
fn help_is_german_by_default() {
    let output = run(&["check", "--help"]);
    assert_eq!(code(&output), 0);
    insta::assert_snapshot!("check_help_german", stdout(&output));
    let short = stdout(&run(&["check", "-h"]));
    for german in [
        "Verwendung: freigabe check [OPTIONEN]",
        "Argumente:",
        "Optionen:",
        "[Standard: human]",
    ] {
        assert!(short.contains(german), "{german} missing: {short}");
    }
    let root = stdout(&run(&["--help"]));
    for german in ["Befehle:", "Version anzeigen", "Diese Hilfe"] {
        assert!(root.contains(german), "{german} missing: {root}");
    }
}

/// `--lang en` and `FREIGABE_LANG=en` keep clap's English help.
#[test]
fn help_is_english_with_lang_en() {
    let flag = stdout(&run(&["--lang", "en", "check", "--help"]));
    let env = stdout(&run_with_env(
        &["check", "--help"],
        "",
        &[("FREIGABE_LANG", "en")],
    ));
    for help in [flag, env] {
        assert!(
            help.contains("Usage: freigabe check [OPTIONS] --policy <FILE> <DRAFT>"),
            "{help}"
        );
        assert!(help.contains("Check one draft"), "{help}");
        assert!(!help.contains("Verwendung"), "{help}");
    }
}

#[test]
fn every_policy_error_is_shown_at_once_in_file_order() {
    let policy = TempFile::new(
        "two-typos.toml",
        "nmae = \"Stadt\"\nimprnt = \"https://stadt.de\"\n",
    );
    let output = run(&["--lang", "en", "policy", "check", policy.path()]);
    assert_eq!(code(&output), 2);
    let shown = stderr(&output);
    let first = shown.find("`nmae`").expect("first typo");
    let second = shown.find("`imprnt`").expect("second typo");
    assert!(first < second, "{shown}");
    assert!(shown.trim_end().ends_with("2 errors"), "{shown}");
}

#[test]
fn missing_policy_exits_2_with_help() {
    let output = run_stdin(
        &["check", "--policy", "tests/fixtures/nope.toml", "-"],
        &draft("Hallo", &["x"]),
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains(
            "Richtlinie `tests/fixtures/nope.toml` kann nicht gelesen werden: Datei nicht gefunden"
        ),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn missing_draft_exits_2_with_help() {
    let output = run(&["check", "--policy", POLICY, "tests/fixtures/nope.json"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("Entwurf `tests/fixtures/nope.json` kann nicht gelesen werden"),
        "{err}"
    );
    assert!(err.contains("Hilfe:"), "{err}");
}

#[test]
fn malformed_draft_is_located_and_explained() {
    let file = TempFile::new(
        "misspelt.json",
        "{\"text\": \"Hallo\",\n \"platfroms\": [\"x\"]}\n",
    );
    let output = run(&["check", "--policy", POLICY, file.path()]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("Fehler[invalid-draft]: Ungültiger Entwurf"),
        "{err}"
    );
    assert!(err.contains(&format!("{}:2:", file.path())), "{err}");
    assert!(err.contains("Hilfe: Meinten Sie `platforms`?"), "{err}");
}

#[test]
fn unknown_account_exits_2_with_suggestion() {
    let output = run_stdin(
        &[
            "check",
            "--policy",
            POLICY,
            "--account",
            "buergermeistr",
            "-",
        ],
        &draft("Hallo", &["x"]),
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("Unbekanntes Konto `buergermeistr`"), "{err}");
    assert!(err.contains("Meinten Sie `buergermeister`?"), "{err}");
}

#[test]
fn errors_do_not_leak_rust_type_names() {
    let output = run(&["check", "--policy", POLICY, "--now", "gestern", "-"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    for leak in ["Timestamp", "Error {", "panicked", "Some("] {
        assert!(!err.contains(leak), "{leak} in {err}");
    }
}

// --- languages ----------------------------------------------------------------------------

#[test]
fn lang_en_switches_levels_messages_and_summary() {
    let output = run_stdin(
        &["check", "--policy", POLICY, "--lang", "en", "-"],
        &draft(&long_text(), &["x"]),
    );
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(out.contains("error[length.limit]: too long for X"), "{out}");
    assert!(out.contains("help: shorten by 20"), "{out}");
    assert!(
        out.contains("freigabe: block · 1 error, 0 warnings, 0 infos"),
        "{out}"
    );
}

#[test]
fn freigabe_lang_environment_variable_is_honoured() {
    let output = run_with_env(
        &["check", "--policy", POLICY, "-"],
        &draft(&long_text(), &["x"]),
        &[("FREIGABE_LANG", "en_GB.UTF-8")],
    );
    assert!(stdout(&output).contains("error[length.limit]"));
    // The flag wins over the environment.
    let output = run_with_env(
        &["check", "--policy", POLICY, "--lang", "de", "-"],
        &draft(&long_text(), &["x"]),
        &[("FREIGABE_LANG", "en")],
    );
    assert!(stdout(&output).contains("Fehler[length.limit]"));
}

#[test]
fn errors_are_english_with_lang_en() {
    let output = run(&["--lang", "en", "explain", "length.limt"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("error[unknown-rule]: unknown rule `length.limt`"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `length.limit`?"), "{err}");
}

// --- formats ------------------------------------------------------------------------------

#[test]
fn json_output_is_exactly_the_report_contract() {
    let text = format!("{} #Libori", long_text());
    let output = run_stdin(
        &["check", "--policy", POLICY, "--format", "json", "-"],
        &draft(&text, &["x", "instagram"]),
    );
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    let report: Value = serde_json::from_str(&out).expect("valid JSON");
    let keys = |value: &Value| {
        let mut keys: Vec<String> = value
            .as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(
        keys(&report),
        [
            "diagnostics",
            "engine_version",
            "measures",
            "policy_digest",
            "verdict"
        ]
    );
    assert_eq!(report["verdict"], "block");
    assert!(
        report["policy_digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    let diagnostic = &report["diagnostics"][0];
    assert_eq!(
        keys(diagnostic),
        [
            "help",
            "message",
            "platform",
            "rule",
            "severity",
            "span",
            "suggestions"
        ]
    );
    assert_eq!(diagnostic["rule"], "length.limit");
    assert_eq!(diagnostic["platform"], "x");
    assert_eq!(
        keys(&diagnostic["span"]),
        [
            "column",
            "end",
            "end_char",
            "end_column",
            "end_line",
            "end_utf16",
            "line",
            "start",
            "start_char",
            "start_utf16"
        ]
    );
    assert_eq!(keys(&report["measures"]), ["instagram", "x"]);
    assert_eq!(report["measures"]["x"]["limit"], 280);
}

#[test]
fn human_output_has_no_colour_when_piped() {
    let output = run_stdin(
        &["check", "--policy", POLICY, "-"],
        &draft(&long_text(), &["x"]),
    );
    assert!(!stdout(&output).contains('\u{1b}'));
    let error = run(&["explain", "nope"]);
    assert!(!stderr(&error).contains('\u{1b}'));
}

/// The official SARIF 2.1.0 schema, vendored unchanged (see `tests/data/README.md`), with
/// format checks on.
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").expect("schema");
    // The official file's `language` patterns (of `run` and `toolComponent`) have a stray
    // `]` (`…{2}]?$`), which is no valid ECMA-262 regex, so strict validators refuse the
    // schema itself. Compile them with the evident intent ("en" or "en-US"); everything
    // else stays as published.
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(broken).count(),
        2,
        "the vendored schema changed"
    );
    let text = text.replace(broken, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let validator = sarif_validator();

    // A finding on the second line, after a multi-byte character, with a suggestion.
    let text = "Grüße!\nProgramm: http://www.paderborn.de/libori";
    let output = run_stdin(
        &["check", "--policy", POLICY, "--format", "sarif", "-"],
        &draft(text, &["facebook"]),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let log: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules.len() >= 2);
    assert!(rules.iter().any(|rule| rule["id"] == "length.limit"));
    // Rules by their human title, in the report's language; `name` is an identifier.
    let https = rules
        .iter()
        .find(|rule| rule["id"] == "links.https")
        .expect("links.https");
    assert_eq!(https["shortDescription"]["text"], "Link ohne HTTPS");
    assert_eq!(https["name"], "LinkWithoutHTTPS");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "links.https");
    assert_eq!(result["level"], "warning");
    let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], "links.https");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "stdin");
    // The region is in the JSON read from stdin, where the text is one string literal:
    // `http://www.paderborn.de/libori`, 30 characters, after the escaped line break.
    let region = &location["region"];
    let document = draft(text, &["facebook"]);
    let column = document.find("http://").expect("url") + 1 - "ü".len() + 1 - "ß".len() + 1;
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], column);
    assert_eq!(region["endLine"], 1);
    assert_eq!(region["endColumn"], column + 30);
    assert_eq!(region["charOffset"], column - 1);
    assert_eq!(region["charLength"], 30);
    // `links.https` is about the text, not a platform.
    assert!(result.get("properties").is_none(), "{result}");
    assert!(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            .is_string()
    );
}

#[test]
fn sarif_names_the_draft_file_and_errors_are_level_error() {
    let file = TempFile::new("lang.json", &draft(&long_text(), &["x"]));
    let output = check_file("sarif", file.path());
    assert_eq!(code(&output), 1);
    let log = valid_sarif(&output);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["level"], "error");
    assert_eq!(result["ruleId"], "length.limit");
    assert_eq!(result["properties"]["platform"], "x");
    let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .expect("uri");
    assert!(
        uri.starts_with("file://") && uri.ends_with("/lang.json"),
        "{uri}"
    );
}

/// `freigabe check` of a draft file with the test policy, in `format`.
fn check_file(format: &str, path: &str) -> Output {
    run(&["check", "--policy", POLICY, "--format", format, path])
}

/// The SARIF log printed by `output`, checked against the official schema.
fn valid_sarif(output: &Output) -> Value {
    let log: Value = serde_json::from_str(&stdout(output)).expect("valid JSON");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&log)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    log
}

/// `document` with the SARIF replacement applied (offsets in Unicode code points, as the
/// log's `columnKind` says).
fn apply_sarif_replacement(document: &str, replacement: &Value) -> String {
    let region = &replacement["deletedRegion"];
    let start = region["charOffset"].as_u64().expect("charOffset") as usize;
    let length = region["charLength"].as_u64().expect("charLength") as usize;
    let mut chars: Vec<char> = document.chars().collect();
    let inserted = replacement["insertedContent"]["text"]
        .as_str()
        .expect("text");
    chars.splice(start..start + length, inserted.chars());
    chars.into_iter().collect()
}

#[test]
fn sarif_regions_and_fixes_point_into_the_json_file() {
    // Escapes before and between the findings, the text on the fourth line of the file.
    let text = "Grüße! „Libori“ \"2026\"\n\tProgramm: http://www.paderborn.de/libori\nund http://paderborn.de/ü";
    let document = format!(
        "{{\n  \"account\": \"buergermeister\",\n  \"platforms\": [\"facebook\"],\n  \"text\": {}\n}}\n",
        serde_json::to_string(text).unwrap()
    );
    let file = TempFile::new("escaped.json", &document);
    let log = valid_sarif(&check_file("sarif", file.path()));
    let report: Value =
        serde_json::from_str(&stdout(&check_file("json", file.path()))).expect("report");

    let results = log["runs"][0]["results"].as_array().expect("results");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(results.len(), diagnostics.len());
    let mut fixes = 0;
    for (result, diagnostic) in results.iter().zip(diagnostics) {
        // Each region holds, as JSON, exactly the characters the report's span names.
        if let Some(location) = result["locations"].get(0) {
            let region = &location["physicalLocation"]["region"];
            assert_eq!(region["startLine"], 4, "{result}");
            let start = region["charOffset"].as_u64().unwrap() as usize;
            let length = region["charLength"].as_u64().unwrap() as usize;
            let written: String = document.chars().skip(start).take(length).collect();
            let decoded: String = serde_json::from_str(&format!("\"{written}\"")).unwrap();
            let span = &diagnostic["span"];
            let expected: String = text
                .chars()
                .skip(span["start_char"].as_u64().unwrap() as usize)
                .take(
                    (span["end_char"].as_u64().unwrap() - span["start_char"].as_u64().unwrap())
                        as usize,
                )
                .collect();
            assert_eq!(decoded, expected, "{result}");
        }
        // Applying a fix to the file gives the draft with the report's suggestion applied.
        for (fix, suggestion) in result["fixes"]
            .as_array()
            .into_iter()
            .flatten()
            .zip(diagnostic["suggestions"].as_array().into_iter().flatten())
        {
            let replacement = &fix["artifactChanges"][0]["replacements"][0];
            let fixed = apply_sarif_replacement(&document, replacement);
            let fixed: Value = serde_json::from_str(&fixed).expect("the fixed file is JSON");
            let (start, end) = (
                suggestion["span"]["start"].as_u64().unwrap() as usize,
                suggestion["span"]["end"].as_u64().unwrap() as usize,
            );
            let wanted = format!(
                "{}{}{}",
                &text[..start],
                suggestion["replacement"].as_str().unwrap(),
                &text[end..]
            );
            assert_eq!(fixed["text"], wanted.as_str());
            fixes += 1;
        }
    }
    assert!(
        fixes >= 2,
        "expected fixes for both links, got {fixes}: {log}"
    );
}

#[test]
fn human_output_points_into_the_json_file() {
    let document = "{\n  \"account\": \"buergermeister\",\n  \"platforms\": [\"facebook\"],\n  \"text\": \"Zeile\\n\\\"Zitat\\\" http://paderborn.de\"\n}\n";
    let file = TempFile::new("located.json", document);
    let output = run(&["check", "--policy", POLICY, file.path()]);
    let shown = stdout(&output);
    // Line 4, after `  "text": "Zeile\n\"Zitat\" ` (28 characters).
    assert!(shown.contains("located.json:4:29"), "{shown}");
    assert!(
        shown.contains(r#"4 |   "text": "Zeile\n\"Zitat\" http://paderborn.de""#),
        "{shown}"
    );
}

// --- inputs -------------------------------------------------------------------------------

#[test]
fn txt_draft_takes_account_and_platforms_from_flags() {
    let file = TempFile::new("post.txt", &format!("{}\n", long_text()));
    let args = [
        "check",
        "--policy",
        POLICY,
        "--account",
        "buergermeister",
        "--platform",
        "x",
        "--format",
        "json",
        file.path(),
    ];
    let output = run(&args);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    // The final newline of the file is not part of the post.
    assert_eq!(report["measures"]["x"]["length"], 300);
    assert_eq!(report["measures"].as_object().map(|m| m.len()), Some(1));
}

#[test]
fn stdin_text_with_text_flag() {
    let output = run_stdin(
        &[
            "check",
            "--policy",
            POLICY,
            "--text",
            "--platform",
            "instagram",
            "-",
        ],
        "Guten Morgen, Paderborn!\n",
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("instagram 24/2.200"));
}

#[test]
fn plain_text_on_stdin_without_text_flag_points_to_it() {
    let output = run_stdin(&["check", "--policy", POLICY, "-"], "Guten Morgen!\n");
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("--> stdin:1:1"), "{err}");
    assert!(
        err.contains("Hilfe: Reinen Text mit `--text` prüfen"),
        "{err}"
    );
}

#[test]
fn platform_flag_overrides_the_draft() {
    let output = run_stdin(
        &["check", "--policy", POLICY, "--platform", "instagram", "-"],
        &draft(&long_text(), &["x"]),
    );
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("instagram 300/2.200"));
}

#[test]
fn history_errors_are_located() {
    let history = TempFile::new(
        "history.jsonl",
        "{\"account\": \"buergermeister\", \"platforms\": [\"x\"], \"published_at\": \"2026-05-04T10:00:00+02:00\"}\n{\"account\": 1}\n",
    );
    let output = run_stdin(
        &[
            "check",
            "--policy",
            POLICY,
            "--history",
            history.path(),
            "-",
        ],
        &draft("Hallo", &["instagram"]),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(&format!("{}:2:", history.path())),
        "{}",
        stderr(&output)
    );
}

// --- count --------------------------------------------------------------------------------

/// `freigabe count`: exit code 0 when the text fits, 1 when it is over the limit.
fn count(platform: &str, text: &str) -> Value {
    let output = run_stdin(&["count", "--platform", platform, "-"], text);
    let counted: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let expected_code = if counted["valid"] == true { 0 } else { 1 };
    assert_eq!(code(&output), expected_code, "{}", stderr(&output));
    counted
}

#[test]
fn count_prints_platform_length_limit_valid() {
    let counted = count("x", "Guten Morgen, Paderborn!");
    assert_eq!(
        counted,
        serde_json::json!({"platform": "x", "length": 24, "limit": 280, "valid": true})
    );
}

#[test]
fn count_x_weighs_urls_as_23() {
    let counted = count(
        "x",
        "Programm: https://www.paderborn.de/kultur/libori/programm-und-sperrungen-2026",
    );
    assert_eq!(counted["length"], 10 + 23);
}

#[test]
fn count_x_weighs_emoji_as_2() {
    assert_eq!(count("x", "🎉")["length"], 2);
    assert_eq!(count("x", "Libori 🎉")["length"], 9);
    // Instagram counts characters: the emoji is one.
    assert_eq!(count("instagram", "Libori 🎉")["length"], 8);
}

#[test]
fn count_reports_invalid_when_over_the_limit() {
    let counted = count("x", &long_text());
    assert_eq!(counted["length"], 300);
    assert_eq!(counted["valid"], false);
}

#[test]
fn count_reads_a_file() {
    let file = TempFile::new("count.txt", "Hallo\n");
    let output = run(&["count", "--platform", "mastodon", file.path()]);
    let counted: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(counted["length"], 5);
    assert_eq!(counted["limit"], 500);
}

// --- batch --------------------------------------------------------------------------------

#[test]
fn batch_reports_a_broken_middle_line_and_checks_the_rest() {
    let archive = [
        r#"{"id": "a", "text": "Guten Morgen!", "platforms": ["instagram"]}"#.to_owned(),
        String::new(),
        r#"{"id": "b", "text": "kaputt""#.to_owned(),
        format!(
            r#"{{"id": "c", "text": "{}", "platforms": ["x"]}}"#,
            long_text()
        ),
    ]
    .join("\n");
    let output = run_stdin(&["batch", "--policy", POLICY, "-"], &archive);
    assert_eq!(code(&output), 1);
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    assert_eq!(rows.len(), 3, "blank line skipped");
    assert_eq!(rows[0]["line"], 1);
    assert_eq!(rows[0]["id"], "a");
    assert_eq!(rows[0]["report"]["verdict"], "pass");
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["id"], Value::Null);
    assert_eq!(rows[1]["error"]["kind"], "invalid-draft");
    assert!(
        rows[1]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Ungültiger Entwurf")
    );
    assert!(rows[1]["error"]["column"].is_u64());
    assert!(rows[1].get("report").is_none());
    assert_eq!(rows[2]["line"], 4);
    assert_eq!(rows[2]["id"], "c");
    assert_eq!(rows[2]["report"]["verdict"], "block");
}

#[test]
fn batch_of_clean_drafts_exits_0() {
    let archive = "{\"text\": \"Hallo\", \"platforms\": [\"x\"]}\n{\"text\": \"Tschüss\"}\n";
    let file = TempFile::new("clean.jsonl", archive);
    let output = run(&["batch", "--policy", POLICY, "--lang", "en", file.path()]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert_eq!(stdout(&output).lines().count(), 2);
}

#[test]
fn batch_unknown_account_is_an_error_row() {
    let archive = r#"{"id": "x1", "text": "Hallo", "account": "stadt"}"#;
    let output = run_stdin(&["batch", "--policy", POLICY, "--lang", "en", "-"], archive);
    assert_eq!(code(&output), 1);
    let row: Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(row["id"], "x1");
    assert_eq!(row["error"]["kind"], "unknown-account");
    assert_eq!(row["error"]["message"], "unknown account `stadt`");
}

/// Progress bars are for terminals: piped stderr (logs, scripts, CI) gets none, with or
/// without `--quiet`, and the rows of an archive larger than one chunk keep input order.
#[test]
fn batch_writes_no_progress_noise_when_stderr_is_not_a_terminal() {
    let archive: String = (0..2500)
        .map(|i| format!("{{\"id\": \"{i}\", \"text\": \"Hallo {i}\", \"platforms\": [\"x\"]}}\n"))
        .collect();
    let file = TempFile::new("progress.jsonl", &archive);
    for quiet in [false, true] {
        let mut args = vec!["batch", "--policy", POLICY, file.path()];
        if quiet {
            args.insert(1, "--quiet");
        }
        let output = run(&args);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert_eq!(stderr(&output), "", "quiet: {quiet}");
        let ids: Vec<String> = stdout(&output)
            .lines()
            .map(|line| {
                let row: Value = serde_json::from_str(line).expect("JSON line");
                row["id"].as_str().unwrap_or_default().to_owned()
            })
            .collect();
        let expected: Vec<String> = (0..2500).map(|i| i.to_string()).collect();
        assert_eq!(ids, expected);
    }
}

/// Streaming: a JSON export that breaks in its middle gives the rows of the records before
/// the break, then the error (exit 2).
#[test]
fn batch_writes_the_rows_before_a_syntax_error_then_fails() {
    let tweets = "window.YTD.tweets.part0 = [\n{\"tweet\": {\"id_str\": \"1\", \"created_at\": \"Mon May 04 08:00:00 +0000 2026\", \"full_text\": \"Hallo\"}},\n{\"tweet\": {\"id_str\": \"2\",, }}\n]";
    let file = TempFile::new("tweets.js", tweets);
    let output = run(&["batch", "--policy", POLICY, "--lang", "en", file.path()]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output).lines().count(), 1);
    let error = stderr(&output);
    assert!(error.contains(": 3:26: "), "{error}");
    assert!(error.contains("archive is not valid JSON"), "{error}");
}

#[test]
fn batch_without_archive_file_exits_2() {
    let output = run(&["batch", "--policy", POLICY, "tests/fixtures/nope.jsonl"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
}

/// `freigabe batch` of an X archive for Bergedorf's account, in English: the output and
/// its rows.
fn bergedorf_batch(archive: &str) -> (Output, Vec<Value>) {
    let output = run(&[
        "batch",
        "--policy",
        "../policies/bergedorf.toml",
        "--account",
        "bezirksamt",
        "--lang",
        "en",
        archive,
    ]);
    let rows = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    (output, rows)
}

#[test]
fn batch_reads_an_x_archive_with_the_account_from_the_flag() {
    let (output, rows) = bergedorf_batch("../examples/archives/x/data/tweets.js");
    assert_eq!(code(&output), 1, "one tweet is over the limit");
    assert_eq!(rows.len(), 7, "the retweet is not checked");
    assert_eq!(rows[0]["record"], 1);
    assert_eq!(rows[0]["line"], 2);
    assert_eq!(rows[0]["id"], "1915000000000000001");
    assert_eq!(rows[0]["report"]["verdict"], "pass");
    let records: Vec<_> = rows
        .iter()
        .map(|row| row["record"].as_u64().unwrap())
        .collect();
    assert_eq!(records, [1, 2, 3, 4, 5, 7, 8]);
    assert_eq!(
        stderr(&output).trim(),
        "note: not checked: reposts (retweets, boosts): 1"
    );
}

#[test]
fn batch_carries_a_weekday_mismatch_as_a_note_on_the_record() {
    let (output, rows) =
        bergedorf_batch("../examples/archives/regressions/x-reply-media-only-weekday.js");
    assert_eq!(rows.len(), 3, "{}", stderr(&output));
    assert!(rows[0].get("notes").is_none(), "no notes, no key");
    let notes = rows[2]["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["kind"], "weekday-mismatch");
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("names Wednesday, but 2018-10-11 was a Thursday; the date was read")
    );
    assert!(rows[2]["report"].is_object(), "the record is checked");
}

#[test]
fn batch_maps_csv_columns_and_reports_a_broken_row_in_place() {
    let table = "message;created;kanal\nGuten Morgen!;2026-05-04 10:00;instagram\nKaputt;morgen;x\nBis bald!;04.05.2026 18:00;facebook\n";
    let file = TempFile::new("export.csv", table);
    let output = run(&[
        "batch",
        "--policy",
        POLICY,
        "--lang",
        "en",
        "--columns",
        "text=message,published_at=created,platforms=kanal",
        file.path(),
    ]);
    assert_eq!(code(&output), 1);
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["report"]["measures"]["instagram"]["length"], 13);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["error"]["kind"], "invalid-time");
    assert_eq!(
        rows[1]["error"]["message"],
        "`morgen` is not a point in time"
    );
    assert_eq!(rows[2]["record"], 3);
    assert!(rows[2]["report"]["measures"]["facebook"].is_object());
}

#[test]
fn batch_reads_csv_from_stdin_when_told_the_format() {
    let output = run_stdin(
        &["batch", "--policy", POLICY, "--input-format", "csv", "-"],
        "text,platforms\nHallo,x\n",
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let row: Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(row["report"]["measures"]["x"]["length"], 5);
}

#[test]
fn batch_of_an_unknown_shape_names_the_expected_formats() {
    let file = TempFile::new("notes.txt", "Liebe Leute,\nbis morgen!\n");
    let output = run(&["batch", "--policy", POLICY, file.path()]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    let err = stderr(&output);
    assert!(
        err.contains(
            "Archivformat nicht erkannt; versucht: X-Archiv: beginnt nicht mit `window.YTD.`"
        ),
        "{err}"
    );
    assert!(err.contains("`--input-format`"), "{err}");
}

#[test]
fn batch_refuses_an_unknown_csv_field_with_a_suggestion() {
    let output = run_stdin(
        &[
            "batch",
            "--policy",
            POLICY,
            "--lang",
            "en",
            "--columns",
            "txt=message",
            "-",
        ],
        "",
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("unknown field `txt` in the column mapping"),
        "{err}"
    );
    assert!(err.contains("did you mean `text`?"), "{err}");
}

// --- policy -------------------------------------------------------------------------------

#[test]
fn policy_check_accepts_the_fixture() {
    let output = run(&["policy", "check", POLICY]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with("ok: tests/fixtures/policy.toml (2 Konten, digest sha256:"),
        "{out}"
    );
}

#[test]
fn policy_check_locates_a_misspelt_key_and_suggests_the_right_one() {
    let source = std::fs::read_to_string(POLICY)
        .expect("fixture policy")
        .replacen("platforms = [\"facebook\"", "platfroms = [\"facebook\"", 1);
    let dir = std::env::temp_dir().join(format!("freigabe-cli-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("policy.toml"), source).expect("policy file");
    let output = Command::new(env!("CARGO_BIN_EXE_freigabe"))
        .args(["policy", "check", "policy.toml"])
        .current_dir(&dir)
        .env_remove("FREIGABE_LANG")
        .output()
        .expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    // The misspelt key starts line 9 of the fixture.
    assert!(err.contains("--> policy.toml:9:1"), "{err}");
    assert!(err.contains("platfroms"), "{err}");
    assert!(err.contains("Meinten Sie `platforms`?"), "{err}");
}

#[test]
fn policy_check_of_a_policy_with_an_unknown_rule_fails() {
    let policy = TempFile::new(
        "rules.toml",
        "[accounts.a]\nkind = \"official\"\nplatforms = [\"x\"]\n\n[rules.\"length.limt\"]\nseverity = \"warning\"\n",
    );
    let output = run(&["policy", "check", policy.path()]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains(&format!("{}:5:", policy.path())), "{err}");
    assert!(err.contains("length.limit"), "{err}");
}

#[test]
fn policy_schema_is_json_schema_of_the_policy() {
    let output = run(&["policy", "schema"]);
    assert_eq!(code(&output), 0);
    let schema: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert!(schema["properties"]["accounts"].is_object(), "{schema}");
}

// --- explain ------------------------------------------------------------------------------

#[test]
fn explain_prints_the_rule_documentation() {
    let output = run(&["--lang", "en", "explain", "length.limit"]);
    assert_eq!(code(&output), 0);
    let out = stdout(&output);
    assert!(out.starts_with("# length.limit\n"), "{out}");
    for heading in [
        "## What it checks",
        "## Why",
        "## Example",
        "## Configuration",
    ] {
        assert!(out.contains(heading), "{heading} missing: {out}");
    }
    assert!(!out.contains("# Deutsch"), "{out}");
}

/// German is the default language, of the documentation too.
#[test]
fn explain_prints_german_documentation_by_default() {
    let output = run(&["explain", "hashtags.max"]);
    assert_eq!(code(&output), 0);
    let out = stdout(&output);
    assert!(
        out.starts_with("# hashtags.max\n\n## Was geprüft wird\n"),
        "{out}"
    );
    for heading in ["## Warum", "## Beispiel", "## Einstellungen"] {
        assert!(out.contains(heading), "{heading} missing: {out}");
    }
    assert!(!out.contains("## What it checks"), "{out}");
    let listed = stdout(&run(&["explain"]));
    let line = listed
        .lines()
        .find(|line| line.starts_with("hashtags.max "))
        .expect("hashtags.max listed");
    assert!(line.contains("Zu viele Hashtags"), "{line}");
    assert!(
        line.ends_with(
            &freigabe::rule_info("hashtags.max")
                .expect("rule")
                .summary(freigabe::Lang::De)
        ),
        "{line}"
    );
}

#[test]
fn explain_unknown_rule_suggests_a_close_one() {
    let output = run(&["explain", "length.limt"]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("Fehler[unknown-rule]: Unbekannte Regel `length.limt`"),
        "{err}"
    );
    assert!(err.contains("Hilfe: Meinten Sie `length.limit`?"), "{err}");
    let far = run(&["explain", "zzz"]);
    assert!(stderr(&far).contains("`freigabe explain` listet alle Regeln"));
}

#[test]
fn explain_all_lists_every_rule_with_a_whole_sentence() {
    let output = run(&["explain", "--all"]);
    assert_eq!(code(&output), 0);
    let out = stdout(&output);
    // Without a rule, as `--help` says, the same list.
    let without_rule = run(&["explain"]);
    assert_eq!(code(&without_rule), 0, "{}", stderr(&without_rule));
    assert_eq!(stdout(&without_rule), out);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.iter().any(|line| line.starts_with("length.limit ")));
    // Id, title, summary; the titles in the chosen language.
    let limit = lines
        .iter()
        .find(|line| line.starts_with("length.limit "))
        .expect("length.limit listed");
    assert!(limit.contains("  Zu lang für die Plattform  "), "{limit}");
    let english = stdout(&run(&["--lang", "en", "explain"]));
    assert!(
        english.contains("  Too long for the platform  "),
        "{english}"
    );
    // Summaries start in one column, umlauts and „quotes“ in titles notwithstanding.
    let columns: std::collections::BTreeSet<usize> = lines
        .iter()
        .zip(freigabe::all_rules())
        .map(|(line, rule)| {
            let start = line
                .rfind(&rule.summary(freigabe::Lang::De))
                .expect("summary listed");
            line[..start].chars().count()
        })
        .collect();
    assert_eq!(columns.len(), 1, "{out}");
    for line in &lines {
        assert!(line.trim_end().ends_with('.'), "summary cut short: {line}");
    }
}

/// The example draft whose campaign motto `Macht mit` the mayor let stand.
const WAIVED_DRAFT: &str = "../examples/drafts/motto-mit-ausnahme.json";
const PADERBORN: &str = "../policies/paderborn.toml";

#[test]
fn waived_finding_is_shown_dimmed_with_who_and_why_and_counted_apart() {
    let output = run(&["check", "--policy", PADERBORN, WAIVED_DRAFT]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Warnung[address.informal]"), "{text}");
    assert!(
        text.contains(
            "= Ausnahme: Motto der Aktion, so vom Rat beschlossen — m.dreier, 03.05.2026"
        ),
        "{text}"
    );
    assert!(
        text.contains("bestanden · 0 Fehler, 0 Warnungen, 0 Hinweise, 1 Ausnahme"),
        "{text}"
    );
    let english = run(&["check", "--lang", "en", "--policy", PADERBORN, WAIVED_DRAFT]);
    let text = stdout(&english);
    assert!(
        text.contains("= waived: Motto der Aktion, so vom Rat beschlossen — m.dreier, 2026-05-03"),
        "{text}"
    );
    assert!(text.contains("0 infos, 1 waived"), "{text}");
    // With colour, every line of the waived finding is dim.
    let coloured = run_with_env(
        &["check", "--policy", PADERBORN, WAIVED_DRAFT],
        "",
        &[("CLICOLOR_FORCE", "1")],
    );
    let text = stdout(&coloured);
    let dim = "\u{1b}[2m";
    assert!(text.starts_with(dim), "{text:?}");
    let finding = text.split("\n\n").next().unwrap_or_default();
    assert!(
        finding.lines().all(|line| line.starts_with(dim)),
        "{finding:?}"
    );
}

#[test]
fn waived_finding_does_not_fail_even_with_fail_on_info() {
    let output = run(&[
        "check",
        "--fail-on",
        "info",
        "--policy",
        PADERBORN,
        WAIVED_DRAFT,
    ]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    // Tests run in the crate directory, as the binary does.
    let written = std::fs::read_to_string(WAIVED_DRAFT).expect("example draft");
    let mut draft: Value = serde_json::from_str(&written).expect("JSON draft");
    draft.as_object_mut().expect("object").remove("waivers");
    let output = run_stdin(
        &["check", "--fail-on", "warning", "--policy", PADERBORN, "-"],
        &draft.to_string(),
    );
    assert_eq!(code(&output), 1, "{}", stdout(&output));
}

#[test]
fn waived_finding_in_json_and_sarif() {
    let output = run(&[
        "check",
        "--format",
        "json",
        "--policy",
        PADERBORN,
        WAIVED_DRAFT,
    ]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    assert_eq!(report["verdict"], "pass");
    let waived = &report["diagnostics"][0]["waived"];
    assert_eq!(waived["by"], "m.dreier");
    assert_eq!(waived["reason"], "Motto der Aktion, so vom Rat beschlossen");
    assert_eq!(waived["at"], "2026-05-03T14:00:00Z");

    let output = run(&[
        "check",
        "--format",
        "sarif",
        "--policy",
        PADERBORN,
        WAIVED_DRAFT,
    ]);
    let log = valid_sarif(&output);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "address.informal");
    let suppression = &result["suppressions"][0];
    assert_eq!(suppression["kind"], "external");
    assert_eq!(suppression["status"], "accepted");
    assert_eq!(
        suppression["justification"],
        "Motto der Aktion, so vom Rat beschlossen"
    );
    assert_eq!(suppression["properties"]["by"], "m.dreier");
}

#[test]
fn waiver_of_an_unknown_rule_is_an_input_error() {
    let draft = r#"{"text": "Macht mit!", "waivers": [{"rule": "adress.informal", "reason": "Motto", "by": "m.dreier"}]}"#;
    let output = run_stdin(&["check", "--policy", POLICY, "-"], draft);
    assert_eq!(code(&output), 2);
    let error = stderr(&output);
    assert!(
        error.contains("Unbekannte Regel `adress.informal`"),
        "{error}"
    );
    assert!(error.contains("Meinten Sie `address.informal`?"), "{error}");
}

#[test]
fn batch_keeps_waived_findings_and_does_not_fail_on_them() {
    let written = std::fs::read_to_string(WAIVED_DRAFT).expect("example draft");
    let draft: Value = serde_json::from_str(&written).expect("JSON draft");
    let output = run_stdin(
        &["batch", "--policy", PADERBORN, "-"],
        &format!("{draft}\n"),
    );
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let row: Value = serde_json::from_str(stdout(&output).trim()).expect("JSON line");
    assert_eq!(row["report"]["verdict"], "pass");
    assert_eq!(row["report"]["diagnostics"][0]["waived"]["by"], "m.dreier");
}
