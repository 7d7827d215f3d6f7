//! Every sample export in `examples/archives/` reads without record errors, yields the
//! expected posts, and the engine finds what a press office would expect in them.

#![cfg(feature = "archive")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should panic

use std::collections::BTreeSet;
use std::path::PathBuf;

use freigabe::archive::{self, Archive, ArchiveFormat, ArchiveOptions, SkipReason};
use freigabe::{Engine, Lang, MediaKind, Platform, Policy};

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn read(path: &str, account: Option<&str>) -> Archive {
    let bytes = std::fs::read(repo(path)).unwrap();
    let options = ArchiveOptions {
        account: account.map(str::to_owned),
        ..ArchiveOptions::default()
    };
    let archive = archive::read(path, &bytes, &options).unwrap();
    for record in &archive.records {
        if let Err(error) = record {
            panic!("{path}: {}", error.headline(Lang::En));
        }
    }
    archive
}

fn texts(archive: &Archive) -> Vec<&str> {
    archive
        .records
        .iter()
        .map(|r| r.as_ref().unwrap().draft.text.as_str())
        .collect()
}

/// Rule ids the policy's engine reports across the whole archive.
fn findings(policy: &str, archive: &Archive) -> BTreeSet<String> {
    let policy = Policy::load(&repo(policy), |p| std::fs::read_to_string(p)).unwrap();
    let engine = Engine::new(policy).unwrap();
    archive
        .records
        .iter()
        .flat_map(|record| {
            let draft = &record.as_ref().unwrap().draft;
            let report = engine.check(draft, &[], None).unwrap();
            report.diagnostics.into_iter().map(|d| d.rule.to_string())
        })
        .collect()
}

#[test]
fn facebook_export_is_repaired_and_checked() {
    let path = "examples/archives/facebook/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json";
    let archive = read(path, Some("buergermeister"));
    assert_eq!(archive.format, ArchiveFormat::Facebook);
    assert_eq!(archive.records.len(), 7);
    assert_eq!(
        archive.skipped.len(),
        1,
        "the check-in without text or media"
    );
    assert_eq!(archive.skipped[0].reason, SkipReason::Empty);
    let texts = texts(&archive);
    assert!(texts[0].starts_with("Heute Morgen habe ich die neue Fahrradstraße"));
    assert!(texts[0].contains("🚲"));
    assert!(texts[1].contains("„Jugend forscht“"));
    let first = archive.records[0].as_ref().unwrap();
    assert_eq!(first.draft.platforms, Some(vec![Platform::Facebook]));
    assert_eq!(first.draft.media.len(), 1);
    assert_eq!(
        first.draft.media[0].alt_text, None,
        "Meta exports carry no alt text"
    );
    assert!(
        first.draft.media[0].alt_text_unknown,
        "unknown, not missing: the export does not record alt texts"
    );
    let found = findings("policies/paderborn.toml", &archive);
    assert!(found.contains("address.informal"), "{found:?}");
}

#[test]
fn instagram_export_reads_single_posts_and_carousels() {
    let archive = read(
        "examples/archives/instagram/your_instagram_activity/content/posts_1.json",
        None,
    );
    assert_eq!(archive.format, ArchiveFormat::Instagram);
    assert_eq!(archive.records.len(), 6);
    let texts = texts(&archive);
    assert!(texts[0].starts_with("Frühling im Schlossgarten Neuhaus 🌷"));
    assert!(
        texts[1].starts_with("Großer Empfang"),
        "carousel caption at the top"
    );
    let carousel = &archive.records[1].as_ref().unwrap().draft;
    assert_eq!(carousel.media.len(), 2);
    let reel = &archive.records[2].as_ref().unwrap().draft;
    assert_eq!(reel.media[0].kind, MediaKind::Video);
    let found = findings("policies/paderborn.toml", &archive);
    assert!(found.contains("hashtags.max"), "{found:?}");
}

#[test]
fn x_archive_expands_links_and_skips_retweets() {
    let archive = read("examples/archives/x/data/tweets.js", Some("bezirksamt"));
    assert_eq!(archive.format, ArchiveFormat::X);
    assert_eq!(archive.records.len(), 7);
    assert_eq!(archive.skipped.len(), 1);
    assert_eq!(archive.skipped[0].reason, SkipReason::Repost);
    let texts = texts(&archive);
    assert!(
        texts.iter().all(|text| !text.contains("t.co/")),
        "{texts:?}"
    );
    assert!(
        texts[1].ends_with(
            "https://sitzungsdienst-bergedorf.hamburg.de/bi/vo020.asp?VOLFDNR=1234&options=4"
        ),
        "{}",
        texts[1]
    );
    assert!(texts[1].contains("Hafen <3"));
    let with_alt = &archive.records[1].as_ref().unwrap().draft;
    assert_eq!(
        with_alt.media[0].alt_text.as_deref(),
        Some("Der Bergedorfer Hafen mit Booten im Sonnenschein")
    );
    let found = findings("policies/bergedorf.toml", &archive);
    assert!(found.contains("address.informal"), "{found:?}");
    assert!(found.contains("accessibility.alt-text"), "{found:?}");
}

#[test]
fn mastodon_outbox_turns_html_into_text() {
    let archive = read("examples/archives/mastodon/outbox.json", Some("stadt"));
    assert_eq!(archive.format, ArchiveFormat::Mastodon);
    assert_eq!(archive.records.len(), 5);
    let reasons: Vec<_> = archive.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(reasons, [SkipReason::Repost, SkipReason::Direct]);
    let texts = texts(&archive);
    assert!(
        texts[0].ends_with(
            "\n\nTermine online: https://www.moers.de/buergerservice/termine-online-buchen"
        ),
        "{}",
        texts[0]
    );
    assert_eq!(
        texts[2],
        "Wegen Bauarbeiten ist die Homberger Straße zwischen Kreisverkehr und Bahnhof\nvom 27. April bis 8. Mai gesperrt.\nDie Busse fahren eine Umleitung."
    );
    assert!(texts[3].contains("Altmarkt & bring"));
    let found = findings("policies/moers.toml", &archive);
    assert!(found.contains("address.informal"), "{found:?}");
}

#[test]
fn jsonl_and_csv_samples_read_completely() {
    let jsonl = read("examples/archives/posts.jsonl", None);
    assert_eq!(jsonl.format, ArchiveFormat::Jsonl);
    assert_eq!(jsonl.records.len(), 6);
    let csv = read("examples/archives/posts.csv", None);
    assert_eq!(csv.format, ArchiveFormat::Csv);
    assert_eq!(csv.records.len(), 6);
    let second = &csv.records[1].as_ref().unwrap().draft;
    assert!(
        second.text.contains("Rathaus.\nDie Sitzung"),
        "quoted line break kept"
    );
    assert_eq!(
        second.published_at.unwrap().to_string(),
        "2026-05-12T12:30:00Z",
        "local time in Europe/Berlin"
    );
    let found = findings("policies/paderborn.toml", &jsonl);
    assert!(found.contains("plain-language.bureaucratic"), "{found:?}");
    let found = findings("policies/paderborn.toml", &csv);
    assert!(found.contains("address.informal"), "{found:?}");
}

mod robustness {
    use freigabe::archive::{self, ArchiveFormat, ArchiveOptions};
    use proptest::prelude::*;

    const SAMPLES: [&str; 6] = [
        "examples/archives/facebook/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
        "examples/archives/instagram/your_instagram_activity/content/posts_1.json",
        "examples/archives/x/data/tweets.js",
        "examples/archives/mastodon/outbox.json",
        "examples/archives/posts.jsonl",
        "examples/archives/posts.csv",
    ];

    fn options(format: Option<ArchiveFormat>) -> ArchiveOptions {
        ArchiveOptions {
            format,
            ..ArchiveOptions::default()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A sample cut off anywhere, or with one byte changed, is an error or fewer good
        /// records, never a panic.
        #[test]
        fn damaged_samples_never_panic(sample in 0..SAMPLES.len(), cut in 0.0..1.0f64, flip in any::<(usize, u8)>()) {
            let path = super::repo(SAMPLES[sample]);
            let mut bytes = std::fs::read(&path).unwrap();
            let cut = (bytes.len() as f64 * cut) as usize;
            let _ = archive::read(&path, &bytes[..cut], &options(None));
            let index = flip.0 % bytes.len();
            bytes[index] = flip.1;
            for format in ArchiveFormat::ALL {
                let _ = archive::read(&path, &bytes, &options(Some(format)));
            }
        }

        /// Arbitrary input in every format: no panic.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), prefix in 0..4usize) {
            let prefixes: [&[u8]; 4] = [b"", b"window.YTD.tweets.part0 = [", b"{\"orderedItems\": [", b"[{\"timestamp\": 1, "];
            let input = [prefixes[prefix], &bytes].concat();
            let _ = archive::read("x", &input, &options(None));
            for format in ArchiveFormat::ALL {
                let _ = archive::read("x", &input, &options(Some(format)));
            }
        }
    }
}
