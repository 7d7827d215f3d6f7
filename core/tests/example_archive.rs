//! The committed example archive (`examples/archive/`) is what the generator writes, so the
//! README's report and the browser test's screenshot can be reproduced. Regenerate with
//! `FREIGABE_BLESS=1 cargo test -p freigabe --test example_archive`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../benches/support/archive.rs"]
mod archive;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::Path;

use freigabe::analytics::responses::parse_interactions;

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/archive"))
}

#[test]
fn committed_archive_is_fresh() {
    let generated = archive::generate(archive::ARCHIVE_SEED);
    if std::env::var_os("FREIGABE_BLESS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        std::fs::write(dir().join("posts.jsonl"), &generated.posts).unwrap();
        std::fs::write(dir().join("comments.jsonl"), &generated.comments).unwrap();
    }
    for (name, text) in [
        ("posts.jsonl", &generated.posts),
        ("comments.jsonl", &generated.comments),
    ] {
        let committed = std::fs::read_to_string(dir().join(name)).unwrap_or_default();
        assert!(
            committed == *text,
            "examples/archive/{name} is stale; run `FREIGABE_BLESS=1 cargo test -p freigabe --test example_archive`"
        );
    }
}

#[test]
fn archive_is_large_valid_and_realistic() {
    let generated = archive::generate(archive::ARCHIVE_SEED);
    let drafts: Vec<freigabe::Draft> = generated
        .posts
        .lines()
        .map(|line| freigabe::wire::parse_draft(line).unwrap())
        .collect();
    assert!(drafts.len() >= 2_000, "{} records", drafts.len());
    assert!(drafts.iter().all(|draft| draft.published_at.is_some()));
    // Mostly weekdays at office times.
    let tz = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let official: Vec<_> = drafts
        .iter()
        .filter(|draft| draft.account.as_deref() == Some("buergermeister"))
        .map(|draft| draft.published_at.unwrap().to_zoned(tz.clone()))
        .collect();
    let office = official
        .iter()
        .filter(|at| at.weekday().to_monday_zero_offset() < 5 && (8..17).contains(&at.hour()))
        .count();
    assert!(
        office * 100 / official.len() >= 70,
        "{office} of {}",
        official.len()
    );
    for result in parse_interactions(&generated.comments) {
        result.unwrap();
    }
    // Small enough to commit.
    assert!(generated.posts.len() < 2_000_000);
    assert!(generated.comments.len() < 2_000_000);
}
