//! Engine-neutral conformance cases: every `tests/conformance/*.toml`, the same files the
//! Python and WASM bindings run (format: `tests/conformance/README.md`).
//!
//! Each case is checked completely and every problem is collected, so one run lists all
//! broken cases; the test fails once at the end. The corpus itself is checked too: enough
//! cases, and every registered rule expected to fire in at least one of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use freigabe::{Diagnostic, Engine, Lang, Platform, Policy, Report, Severity, Span, Verdict, wire};
use serde::Deserialize;

#[path = "support/orthography.rs"]
mod orthography;

/// The corpus must not shrink below this.
const MIN_CASES: usize = 60;

/// One `tests/conformance/*.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    /// Policy of every case that does not bring its own.
    policy: Option<FilePolicy>,
    #[serde(default, rename = "case")]
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePolicy {
    toml: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    /// Full policy TOML replacing the file's policy.
    policy: Option<String>,
    /// The draft as the JSON contract has it.
    draft: toml::Table,
    /// Earlier posts, each as the history contract has it (`account`, `platforms`,
    /// `published_at`, `text`).
    #[serde(default)]
    history: Vec<toml::Table>,
    now: Option<jiff::Timestamp>,
    #[serde(default)]
    lang: Lang,
    verdict: Option<Verdict>,
    /// Length and limit per platform; platforms not listed are not checked.
    measures: Option<BTreeMap<Platform, ExpectedMeasure>>,
    /// The diagnostics must come in the listed order (otherwise order does not matter).
    #[serde(default)]
    ordered: bool,
    /// Why the engine gets this case wrong today; the case must then fail.
    known_failure: Option<String>,
    /// The check refuses the draft with an input error whose message (in `lang`)
    /// contains this; the case then has no `expect`, `verdict` or `measures`.
    error_contains: Option<String>,
    /// Every diagnostic of the report, no more and no fewer.
    #[serde(default)]
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedMeasure {
    length: u64,
    limit: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    rule: String,
    severity: Option<Severity>,
    platform: Option<Platform>,
    span: Option<[usize; 2]>,
    #[serde(rename = "match")]
    matched: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message_contains: Option<String>,
    suggestion: Option<String>,
    suggestion_span: Option<[usize; 2]>,
    suggestion_match: Option<String>,
    /// `by` of the waiver that lets the finding stand; absent: the finding is not waived.
    waived_by: Option<String>,
}

/// What identifies a diagnostic: rule, platform and byte span.
type Key = (String, Option<Platform>, Option<[usize; 2]>);

impl Expected {
    fn key(&self) -> Key {
        (self.rule.clone(), self.platform, self.span)
    }
}

fn key_of(diagnostic: &Diagnostic) -> Key {
    (
        diagnostic.rule.to_string(),
        diagnostic.platform,
        diagnostic.span.map(|s| [s.start, s.end]),
    )
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

/// What the run found, over all files.
#[derive(Default)]
struct Tally {
    failures: Vec<String>,
    cases: usize,
    known_failures: usize,
    /// Expected findings per rule id, in passing cases.
    fired: BTreeMap<String, usize>,
}

#[test]
fn conformance_cases() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/conformance is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    // `FREIGABE_CONFORMANCE=waivers.toml` runs one file while writing its cases; the corpus
    // checks below then do not apply.
    let only = std::env::var("FREIGABE_CONFORMANCE").ok();
    if let Some(only) = &only {
        files.retain(|path| path.file_name().is_some_and(|name| name == only.as_str()));
    }

    let mut tally = Tally::default();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("case file is readable");
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        run_file(&file_name, &source, &mut tally);
    }

    let Tally {
        mut failures,
        cases,
        known_failures,
        fired,
    } = tally;
    println!("{cases} cases, {known_failures} known failures; expected findings per rule:");
    for (rule, count) in &fired {
        println!("  {rule}: {count}");
    }
    if only.is_some() {
        assert!(
            failures.is_empty(),
            "{} conformance problem(s):\n\n{}\n",
            failures.len(),
            failures.join("\n\n")
        );
        return;
    }
    if cases < MIN_CASES {
        failures.push(format!(
            "only {cases} cases; the corpus needs at least {MIN_CASES}"
        ));
    }
    for rule in freigabe::all_rules() {
        if !fired.contains_key(rule.id) {
            failures.push(format!(
                "rule `{}` is expected to fire in no passing case; add a positive case",
                rule.id
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} conformance problem(s):\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs every case of one file and records the outcome.
fn run_file(file_name: &str, source: &str, tally: &mut Tally) {
    let file: CaseFile = match toml::from_str(source) {
        Ok(file) => file,
        Err(error) => {
            tally
                .failures
                .push(format!("{file_name}: cannot parse: {error}"));
            return;
        }
    };
    println!("{file_name}: {} cases", file.cases.len());
    tally.cases += file.cases.len();
    let mut names = BTreeSet::new();
    for case in &file.cases {
        let label = format!("{file_name} › {}", case.name);
        if !names.insert(case.name.as_str()) {
            tally.failures.push(format!("{label}: duplicate case name"));
        }
        let mut problems = lint(case);
        if problems.is_empty() {
            let policy = case
                .policy
                .as_deref()
                .or(file.policy.as_ref().map(|p| p.toml.as_str()));
            problems = match policy {
                Some(policy) => run(case, policy),
                None => vec!["no policy: set `[policy] toml` or the case's `policy`".into()],
            };
        }
        let problems = problems.join("\n    ");
        match (&case.known_failure, problems.is_empty()) {
            (None, true) => {
                for expected in &case.expect {
                    *tally.fired.entry(expected.rule.clone()).or_default() += 1;
                }
            }
            (None, false) => tally.failures.push(format!("{label}:\n    {problems}")),
            (Some(why), false) => {
                tally.known_failures += 1;
                println!("  known failure {label}: {why}\n    {problems}");
            }
            (Some(why), true) => tally.failures.push(format!(
                "{label}: passes although marked `known_failure` ({why}); remove the marker"
            )),
        }
    }
}

/// Mistakes in the case itself, found before running it.
fn lint(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    if case.name.trim().is_empty() || case.comment.trim().is_empty() {
        problems.push("`name` and `comment` must not be empty".to_owned());
    }
    let Some(text) = case.draft.get("text").and_then(toml::Value::as_str) else {
        problems.push("the draft has no `text` string".to_owned());
        return problems;
    };
    if case.error_contains.is_some()
        && (!case.expect.is_empty() || case.verdict.is_some() || case.measures.is_some())
    {
        problems.push("`error_contains` goes without `expect`, `verdict` and `measures`".into());
    }
    // `match` must be what the span cuts out of the text, whatever the engine reports.
    let under = |span: [usize; 2]| text.get(span[0]..span[1]);
    for expected in &case.expect {
        let what = &expected.rule;
        if freigabe::rule_info(what).is_none() {
            problems.push(format!("unknown rule `{what}`"));
        }
        for (span, matched, names) in [
            (expected.span, &expected.matched, "`span` and `match`"),
            (
                expected.suggestion_span,
                &expected.suggestion_match,
                "`suggestion_span` and `suggestion_match`",
            ),
        ] {
            match (span, matched) {
                (Some(span), Some(matched)) if under(span) != Some(matched.as_str()) => {
                    problems.push(format!(
                        "{what}: {names} disagree: {span:?} covers {:?}, not {matched:?}",
                        under(span)
                    ));
                }
                (Some(_), None) | (None, Some(_)) => {
                    problems.push(format!("{what}: {names} go together"));
                }
                _ => {}
            }
        }
        if (expected.line.is_some() || expected.column.is_some()) && expected.span.is_none() {
            problems.push(format!("{what}: `line`/`column` need a `span`"));
        }
    }
    problems
}

/// Runs one case and returns everything that differs from its expectations.
fn run(case: &Case, policy: &str) -> Vec<String> {
    let policy = match Policy::from_toml(policy) {
        Ok(policy) => policy,
        Err(error) => return vec![format!("policy: {}", error.render(Lang::En))],
    };
    let engine = match Engine::new(policy) {
        Ok(engine) => engine.with_lang(case.lang),
        Err(error) => return vec![format!("engine: {}", error.render(Lang::En))],
    };
    // Through JSON, so the binding contract's parser is what reads the draft.
    let draft = match serde_json::to_string(&case.draft) {
        Ok(json) => wire::parse_draft(&json),
        Err(error) => return vec![format!("draft is not JSON: {error}")],
    };
    let draft = match draft {
        Ok(draft) => draft,
        Err(error) => return vec![format!("draft: {}", error.headline(Lang::En))],
    };
    let history = match serde_json::to_string(&case.history) {
        Ok(json) => wire::parse_history(&json),
        Err(error) => return vec![format!("history is not JSON: {error}")],
    };
    let history = match history {
        Ok(history) => history,
        Err(error) => return vec![format!("history: {}", error.headline(Lang::En))],
    };
    let report = match (
        engine.check(&draft, &history, case.now),
        &case.error_contains,
    ) {
        (Ok(report), None) => report,
        (Err(error), None) => return vec![format!("check: {}", error.headline(Lang::En))],
        (Ok(_), Some(part)) => return vec![format!("check passed, expected an error {part:?}")],
        (Err(error), Some(part)) => {
            let message = error.headline(case.lang);
            return if message.contains(part.as_str()) {
                Vec::new()
            } else {
                vec![format!("error {message:?} does not contain {part:?}")]
            };
        }
    };
    let mut problems = compare(case, &draft.text, &report);
    if case.lang == Lang::De {
        for diagnostic in &report.diagnostics {
            let texts = [Some(&diagnostic.message), diagnostic.help.as_ref()];
            for text in texts.into_iter().flatten() {
                problems.extend(
                    orthography::problems(text)
                        .into_iter()
                        .map(|p| format!("{}: German orthography: {p}", diagnostic.rule)),
                );
            }
        }
    }
    problems
}

fn compare(case: &Case, text: &str, report: &Report) -> Vec<String> {
    let mut problems = Vec::new();

    // Every span of the report, whether expected or not, must slice the same text in
    // every encoding.
    for diagnostic in &report.diagnostics {
        if let Some(span) = &diagnostic.span {
            problems.extend(span_problems(text, span, &diagnostic.rule));
        }
        for suggestion in &diagnostic.suggestions {
            let what = format!("{} suggestion", diagnostic.rule);
            problems.extend(span_problems(text, &suggestion.span, &what));
        }
    }

    // Pair expected and actual diagnostics by rule, platform and span.
    let mut unmatched: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    for expected in &case.expect {
        let key = expected.key();
        match unmatched.iter().position(|d| key_of(d) == key) {
            Some(index) => {
                let actual = unmatched.remove(index);
                problems.extend(detail_problems(expected, actual));
            }
            None => problems.push(format!("missing:    {}", describe_expected(expected))),
        }
    }
    for actual in unmatched {
        problems.push(format!("unexpected: {}", describe_actual(text, actual)));
    }

    if case.ordered && problems.is_empty() {
        let want: Vec<Key> = case.expect.iter().map(Expected::key).collect();
        let got: Vec<Key> = report.diagnostics.iter().map(key_of).collect();
        if want != got {
            let order: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| describe_actual(text, d))
                .collect();
            problems.push(format!(
                "order differs; the report has:\n      {}",
                order.join("\n      ")
            ));
        }
    }

    if let Some(verdict) = case.verdict
        && report.verdict != verdict
    {
        problems.push(format!(
            "verdict: expected {}, got {}",
            verdict.as_str(),
            report.verdict.as_str()
        ));
    }
    for (platform, expected) in case.measures.iter().flatten() {
        match report.measures.get(platform) {
            None => problems.push(format!("measures: no measure for {platform}")),
            Some(actual) if (actual.length, actual.limit) != (expected.length, expected.limit) => {
                problems.push(format!(
                    "measures: {platform} expected {}/{}, got {}/{}",
                    expected.length, expected.limit, actual.length, actual.limit
                ));
            }
            Some(_) => {}
        }
    }
    problems
}

/// Severity, position, message and suggestion of a paired diagnostic.
fn detail_problems(expected: &Expected, actual: &Diagnostic) -> Vec<String> {
    let mut problems = Vec::new();
    let what = describe_expected(expected);
    if let Some(severity) = expected.severity
        && actual.severity != severity
    {
        problems.push(format!(
            "{what}: severity {}, expected {}",
            actual.severity.as_str(),
            severity.as_str()
        ));
    }
    if let Some(span) = &actual.span {
        if let Some(line) = expected.line.filter(|&line| line != span.line) {
            problems.push(format!("{what}: line {}, expected {line}", span.line));
        }
        if let Some(column) = expected.column.filter(|&column| column != span.column) {
            problems.push(format!("{what}: column {}, expected {column}", span.column));
        }
    }
    if let Some(part) = &expected.message_contains
        && !actual.message.contains(part.as_str())
    {
        problems.push(format!(
            "{what}: message {:?} does not contain {part:?}",
            actual.message
        ));
    }
    let waived_by = actual.waived.as_ref().map(|w| w.by.as_str());
    if waived_by != expected.waived_by.as_deref() {
        problems.push(format!(
            "{what}: waived by {waived_by:?}, expected {:?}",
            expected.waived_by
        ));
    }
    let first = actual.suggestions.first();
    let got = first.map(|s| s.replacement.as_str());
    if let Some(replacement) = &expected.suggestion
        && got != Some(replacement.as_str())
    {
        problems.push(format!(
            "{what}: first suggestion {got:?}, expected {replacement:?}"
        ));
    }
    let replaced = first.map(|s| [s.span.start, s.span.end]);
    if let Some(span) = expected.suggestion_span
        && replaced != Some(span)
    {
        problems.push(format!(
            "{what}: first suggestion replaces {replaced:?}, expected {span:?}"
        ));
    }
    problems
}

/// A span must cut the text at the same place in bytes, characters and UTF-16 units, and
/// its line/column and end line/column must locate its ends (`\r\n`, `\r` and `\n` each
/// end a line).
fn span_problems(text: &str, span: &Span, what: &str) -> Vec<String> {
    let Some(by_bytes) = text.get(span.start..span.end) else {
        return vec![format!(
            "{what}: byte span [{}, {}] is not on character boundaries of the text",
            span.start, span.end
        )];
    };
    let mut problems = Vec::new();
    let by_chars: String = text
        .chars()
        .skip(span.start_char)
        .take(span.end_char.saturating_sub(span.start_char))
        .collect();
    let units: Vec<u16> = text.encode_utf16().collect();
    let by_utf16 = units
        .get(span.start_utf16..span.end_utf16)
        .and_then(|slice| String::from_utf16(slice).ok());
    let before = &text[..span.start];
    let expected_char = before.chars().count();
    let expected_utf16 = before.encode_utf16().count();
    if by_chars != by_bytes || span.start_char != expected_char {
        problems.push(format!(
            "{what}: chars [{}, {}] slice {by_chars:?}, bytes [{}, {}] slice {by_bytes:?}",
            span.start_char, span.end_char, span.start, span.end
        ));
    }
    if by_utf16.as_deref() != Some(by_bytes) || span.start_utf16 != expected_utf16 {
        problems.push(format!(
            "{what}: utf16 [{}, {}] slice {by_utf16:?}, bytes [{}, {}] slice {by_bytes:?}",
            span.start_utf16, span.end_utf16, span.start, span.end
        ));
    }
    for (name, got, before) in [
        ("start", (span.line, span.column), before),
        ("end", (span.end_line, span.end_column), &text[..span.end]),
    ] {
        let expected = line_column(before);
        if got != expected {
            problems.push(format!(
                "{what}: {name} line:column {}:{}, expected {}:{}",
                got.0, got.1, expected.0, expected.1
            ));
        }
    }
    problems
}

/// 1-based line and character column just after `before`.
fn line_column(before: &str) -> (usize, usize) {
    let normalized = before.replace("\r\n", "\n").replace('\r', "\n");
    let line = normalized.matches('\n').count() + 1;
    let last_line = normalized.rsplit('\n').next().unwrap_or_default();
    (line, last_line.chars().count() + 1)
}

fn describe_expected(expected: &Expected) -> String {
    let mut out = expected.rule.clone();
    if let Some(platform) = expected.platform {
        out += &format!(" on {platform}");
    }
    if let (Some([start, end]), Some(matched)) = (expected.span, &expected.matched) {
        out += &format!(" at [{start}, {end}] {matched:?}");
    }
    out
}

fn describe_actual(text: &str, actual: &Diagnostic) -> String {
    let mut out = format!("{} ({})", actual.rule, actual.severity.as_str());
    if let Some(platform) = actual.platform {
        out += &format!(" on {platform}");
    }
    if let Some(span) = &actual.span {
        let under = text
            .get(span.start..span.end)
            .unwrap_or("<not a char boundary>");
        out += &format!(" at [{}, {}] {under:?}", span.start, span.end);
    }
    out + &format!(": {}", actual.message)
}
