//! Drafts against one fixed policy. The first input byte picks the shape:
//! `t` = the rest is the draft text, `j` = the rest is draft JSON for `wire::parse_draft`,
//! anything else = a structured draft (platforms, media, approvals, history) built by
//! `arbitrary`. Every report must satisfy the contract of DESIGN.md.
#![no_main]

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use freigabe::{
    Approval, Draft, Engine, HistoryEntry, InputErrorKind, MAX_DRAFT_BYTES, Media, MediaKind,
    Platform, Policy, Report, Severity, Span, Verdict, Waiver, wire,
};
use jiff::{SignedDuration, Timestamp};
use libfuzzer_sys::fuzz_target;

/// Several accounts of both kinds, a default account, a policy-wide imprint and a platform
/// override, so that most code paths of the engine are reachable.
const POLICY: &str = r#"
name = "Stadt Paderborn"
default-account = "stadt"
imprint = "https://www.paderborn.de/impressum"

[platform-settings.mastodon]
limit = 500

[accounts.stadt]
kind = "official"
display-name = "Stadt Paderborn"
platforms = ["x", "mastodon", "bluesky", "instagram", "facebook"]
editors = ["presse", "m.dreier"]
address = "sie"

[accounts.buergermeister]
kind = "official"
display-name = "Bürgermeister Michael Dreier"
platforms = ["facebook", "instagram"]
editors = ["m.dreier", "sta13"]
address = "sie"

[accounts.michael-dreier]
kind = "private"
platforms = ["instagram"]
editors = ["m.dreier"]
"#;

const ACCOUNTS: [&str; 4] = ["stadt", "buergermeister", "michael-dreier", "unbekannt"];
const PEOPLE: [&str; 4] = ["presse", "m.dreier", "sta13", "praktikant"];
/// 2026-05-04T08:00:00Z: a Monday morning, inside office hours.
const NOW_SECONDS: i64 = 1_777_881_600;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let policy = Policy::from_toml(POLICY).expect("the fuzz policy is valid");
        let engine = Engine::new(policy).expect("the fuzz policy compiles");
        // Oversized inputs are too slow to reach by mutation; check them once here.
        let big = Draft::new("ä".repeat(MAX_DRAFT_BYTES / 2 + 1));
        let error = engine
            .check(&big, &[], None)
            .expect_err("oversized draft refused");
        assert_eq!(error.kind, InputErrorKind::TooLarge);
        let json = format!("{{\"text\": \"{}\"}}", "a".repeat(MAX_DRAFT_BYTES + 1));
        let error = wire::parse_draft(&json).expect_err("oversized JSON refused");
        assert_eq!(error.kind, InputErrorKind::TooLarge);
        engine
    })
}

fn at(offset_minutes: i16) -> Timestamp {
    let now = Timestamp::from_second(NOW_SECONDS).unwrap_or(Timestamp::UNIX_EPOCH);
    now.checked_add(SignedDuration::from_mins(i64::from(offset_minutes) * 30))
        .unwrap_or(now)
}

fn platform(index: u8) -> Platform {
    Platform::ALL[usize::from(index) % Platform::ALL.len()]
}

#[derive(Debug, Arbitrary)]
struct FuzzMedia {
    kind: u8,
    alt_text: Option<String>,
    credit: Option<String>,
    subtitles: Option<bool>,
}

#[derive(Debug, Arbitrary)]
struct FuzzHistory {
    account: u8,
    platforms: Vec<u8>,
    published: i16,
    text: Option<String>,
}

#[derive(Debug, Arbitrary)]
struct FuzzDraft {
    text: String,
    account: Option<u8>,
    platforms: Option<Vec<u8>>,
    author: Option<u8>,
    scheduled: Option<i16>,
    media: Vec<FuzzMedia>,
    approvals: Vec<(u8, i16)>,
    labels: Vec<String>,
    waivers: Vec<FuzzWaiver>,
    history: Vec<FuzzHistory>,
    now: Option<i16>,
}

/// A waiver of a known rule or family (an unknown one is an input error the check
/// refuses before any rule runs), over arbitrary words.
#[derive(Debug, Arbitrary)]
struct FuzzWaiver {
    rule: u8,
    words: Option<String>,
    by: u8,
    at: Option<i16>,
}

const WAIVED_RULES: [&str; 6] = [
    "address.informal",
    "address.*",
    "length.limit",
    "neutrality.*",
    "privacy.phone",
    "approval.missing",
];

impl FuzzDraft {
    fn build(self) -> (Draft, Vec<HistoryEntry>, Option<Timestamp>) {
        let pick = |list: &[&str], i: u8| list[usize::from(i) % list.len()].to_owned();
        let draft = Draft {
            text: self.text,
            id: None,
            post_id: None,
            account: self.account.map(|i| pick(&ACCOUNTS, i)),
            platforms: self
                .platforms
                .map(|list| list.into_iter().map(platform).collect()),
            author: self.author.map(|i| pick(&PEOPLE, i)),
            scheduled_at: self.scheduled.map(at),
            published_at: None,
            media: self
                .media
                .into_iter()
                .map(|m| Media {
                    kind: match m.kind % 3 {
                        0 => MediaKind::Image,
                        1 => MediaKind::Video,
                        _ => MediaKind::Gif,
                    },
                    alt_text: m.alt_text,
                    alt_text_unknown: false,
                    credit: m.credit,
                    subtitles: m.subtitles,
                    file: None,
                })
                .collect(),
            approvals: self
                .approvals
                .into_iter()
                .map(|(by, when)| Approval {
                    by: pick(&PEOPLE, by),
                    at: at(when),
                })
                .collect(),
            labels: self.labels,
            reply_to: Vec::new(),
            waivers: self
                .waivers
                .into_iter()
                .map(|w| Waiver {
                    rule: pick(&WAIVED_RULES, w.rule),
                    // Empty words are an input error; leaving them out covers the whole rule.
                    words: w.words.filter(|words| !words.is_empty()),
                    reason: "Fuzz".to_owned(),
                    by: pick(&PEOPLE, w.by),
                    at: w.at.map(at),
                })
                .collect(),
        };
        let history = self
            .history
            .into_iter()
            .map(|h| HistoryEntry {
                account: pick(&ACCOUNTS, h.account),
                platforms: h.platforms.into_iter().map(platform).collect(),
                published_at: at(h.published),
                text: h.text,
                post_id: None,
            })
            .collect();
        (draft, history, self.now.map(at))
    }
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (draft, history, now) = match mode {
        b't' => (
            Draft::new(String::from_utf8_lossy(rest)),
            Vec::new(),
            Some(at(0)),
        ),
        b'j' => match wire::parse_draft(&String::from_utf8_lossy(rest)) {
            Ok(draft) => (draft, Vec::new(), Some(at(0))),
            Err(error) => {
                let _ = error.headline(freigabe::Lang::En);
                return;
            }
        },
        _ => match FuzzDraft::arbitrary_take_rest(Unstructured::new(rest)) {
            Ok(fuzz) => fuzz.build(),
            Err(_) => return,
        },
    };
    match engine.check(&draft, &history, now) {
        Ok(report) => assert_contract(&draft.text, &report),
        Err(error) => {
            // Unknown accounts are the only error a draft of normal size may cause.
            assert!(
                matches!(error.kind, InputErrorKind::UnknownAccount),
                "unexpected error {error:?}"
            );
        }
    }
});

/// The report contract: spans valid in every encoding, verdict from the severities of the
/// findings that count (a waived one does not), and a JSON form that reads back to the same
/// report.
fn assert_contract(text: &str, report: &Report) {
    for diagnostic in &report.diagnostics {
        if let Some(span) = &diagnostic.span {
            assert_span(text, span, &diagnostic.rule);
        }
        for suggestion in &diagnostic.suggestions {
            assert_span(text, &suggestion.span, &diagnostic.rule);
        }
    }
    let counts = |severity| {
        report
            .diagnostics
            .iter()
            .any(|d| d.severity == severity && d.waived.is_none())
    };
    let expected = if counts(Severity::Error) {
        Verdict::Block
    } else if counts(Severity::Warning) {
        Verdict::Warn
    } else {
        Verdict::Pass
    };
    assert_eq!(
        report.verdict, expected,
        "verdict of {:?}",
        report.diagnostics
    );
    let json = report.to_json();
    let back: Report = serde_json::from_str(&json).expect("report JSON reads back");
    assert_eq!(&back, report, "report JSON round trip");
}

fn assert_span(text: &str, span: &Span, rule: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{rule}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{rule}: span {span:?} splits a character"
    );
    let before = &text[..span.start];
    let upto = &text[..span.end];
    assert_eq!(
        span.start_char,
        before.chars().count(),
        "{rule}: start_char"
    );
    assert_eq!(span.end_char, upto.chars().count(), "{rule}: end_char");
    assert_eq!(
        span.start_utf16,
        before.encode_utf16().count(),
        "{rule}: start_utf16"
    );
    assert_eq!(
        span.end_utf16,
        upto.encode_utf16().count(),
        "{rule}: end_utf16"
    );
    let start = line_column(before);
    assert_eq!((span.line, span.column), start, "{rule}: line/column");
    let end = line_column(upto);
    assert_eq!(
        (span.end_line, span.end_column),
        end,
        "{rule}: end line/column"
    );
}

/// Line and column just past `prefix`: `\n`, `\r\n` and a lone `\r` end a line, and the
/// column counts characters from 1.
fn line_column(prefix: &str) -> (usize, usize) {
    let mut line = 1;
    let mut column = 1;
    let mut previous = '\0';
    for ch in prefix.chars() {
        match ch {
            '\n' if previous == '\r' => {}
            '\n' | '\r' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        previous = ch;
    }
    (line, column)
}
