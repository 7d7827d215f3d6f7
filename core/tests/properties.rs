//! Properties of reports for arbitrary Unicode drafts: spans agree in every encoding, land
//! on character boundaries, and checking is deterministic (also across threads).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::sync::Arc;

use freigabe::{Draft, Engine, Platform, Policy, Report, Verdict};
use proptest::prelude::*;

const POLICY: &str = r#"
imprint = "https://www.paderborn.de/impressum"
[accounts.stadt]
kind = "official"
platforms = ["x", "mastodon", "bluesky", "threads", "instagram", "facebook", "linkedin"]
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
[platform-settings.instagram]
hashtags = 2
[platform-settings.x]
limit = 40
[rules."links.shortener"]
domains = ["bit.ly"]
"#;

fn engine() -> Engine {
    Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap()
}

/// Pieces that stress offsets: multi-byte letters, astral emoji, ZWJ families, flags,
/// combining marks, all line-break styles, and entities that rules report on.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Bürger ".to_owned()),
        Just("👩‍👩‍👧‍👦".to_owned()),
        Just("🇩🇪".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n".to_owned()),
        Just(" #libori ".to_owned()),
        Just(" #Libori ".to_owned()),
        Just(" #tagderoffenentür ".to_owned()),
        Just(" http://paderborn.de/x ".to_owned()),
        Just(" https://bit.ly/abc ".to_owned()),
        Just(" @stadt ".to_owned()),
        Just("日本".to_owned()),
        "\\PC{0,6}",
    ]
}

fn draft_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.concat())
}

fn assert_spans_agree(text: &str, report: &Report) {
    let spans = report.diagnostics.iter().flat_map(|d| {
        d.span
            .into_iter()
            .chain(d.suggestions.iter().map(|s| s.span))
    });
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(span.start_char, text[..span.start].chars().count());
        assert_eq!(span.end_char, text[..span.end].chars().count());
        assert_eq!(span.start_utf16, text[..span.start].encode_utf16().count());
        assert_eq!(span.end_utf16, text[..span.end].encode_utf16().count());
        let before = &text[..span.start];
        // `\r\n` is one break; lone `\n` and lone `\r` are one each.
        let line_breaks = before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count();
        assert_eq!(span.line, line_breaks + 1);
        assert!(span.column >= 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_agree_in_every_encoding(text in draft_text()) {
        let engine = engine();
        let mut draft = Draft::new(text.clone());
        draft.platforms = Some(Platform::ALL.to_vec());
        let report = engine.check(&draft, &[], None).unwrap();
        assert_spans_agree(&text, &report);
        let worst = report.diagnostics.iter().map(|d| d.severity).max();
        let expected = match worst {
            Some(freigabe::Severity::Error) => Verdict::Block,
            Some(freigabe::Severity::Warning) => Verdict::Warn,
            _ => Verdict::Pass,
        };
        prop_assert_eq!(report.verdict, expected);
        prop_assert_eq!(&report, &engine.check(&draft, &[], None).unwrap());
    }
}

#[test]
fn one_engine_serves_many_threads_with_identical_reports() {
    let engine = Arc::new(engine());
    let drafts: Vec<Draft> = (0..64)
        .map(|i| {
            Draft::new(format!(
                "Post {i} 👩‍👩‍👧 #libori #Libori http://paderborn.de/{i} {}",
                "x".repeat(i)
            ))
        })
        .collect();
    let sequential: Vec<Report> = drafts
        .iter()
        .map(|d| engine.check(d, &[], None).unwrap())
        .collect();
    let parallel: Vec<Report> = std::thread::scope(|scope| {
        let handles: Vec<_> = drafts
            .chunks(16)
            .map(|chunk| {
                let engine = Arc::clone(&engine);
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|d| engine.check(d, &[], None).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(sequential, parallel);
    assert!(sequential.iter().any(|r| !r.diagnostics.is_empty()));
}

#[test]
fn drafts_over_one_mebibyte_are_refused_not_checked() {
    let engine = engine();
    let error = engine
        .check(
            &Draft::new("ä".repeat(freigabe::MAX_DRAFT_BYTES)),
            &[],
            None,
        )
        .unwrap_err();
    assert_eq!(error.kind, freigabe::InputErrorKind::TooLarge);
}
