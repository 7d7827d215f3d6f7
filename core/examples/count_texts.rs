//! Counts the texts of the wasm package's `npm run bench` (`bindings-wasm/bench/count.mjs`)
//! for X with `freigabe::count_text`, natively: what a `count('x', text)` in the browser runs
//! minus the JS ↔ wasm crossing. Prints the time per count. Instructions per count, the first
//! call (which builds the extractor) subtracted:
//!
//! ```sh
//! cargo build --release -p freigabe --example count_texts
//! valgrind --tool=callgrind target/release/examples/count_texts 0    # set-up only
//! valgrind --tool=callgrind target/release/examples/count_texts 200  # 200 rounds of 8 texts
//! ```
//!
//! Usage: `count_texts [ROUNDS] [TEXT]` (default 2,000 rounds of every text; TEXT: the
//! index of one text), run from the repository root.

use std::time::Instant;

use freigabe::{Platform, count_text};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: u32 = std::env::args().nth(1).map_or(Ok(2000), |n| n.parse())?;
    let only: Option<usize> = std::env::args().nth(2).map(|n| n.parse()).transpose()?;
    let mut drafts = Vec::new();
    for name in [
        "libori-empfang",
        "buergersprechstunde",
        "privat-mit-impressum",
    ] {
        let json = std::fs::read_to_string(format!("examples/drafts/{name}.json"))?;
        let draft: serde_json::Value = serde_json::from_str(&json)?;
        drafts.push(
            draft["text"]
                .as_str()
                .ok_or("draft without text")?
                .to_owned(),
        );
    }
    let mut texts = drafts.clone();
    texts.extend(
        [
            "Guten Morgen, Paderborn!",
            "👍🏽 🇩🇪 👨‍👩‍👧‍👦 Danke an alle Helferinnen und Helfer! #Libori2026 @stadt_pb",
            "Infos: https://www.paderborn.de/rathaus/buergerservice und paderborn.de/libori",
            "Cafe\u{301} am Rathausplatz, Me\u{308}hl, Grüße aus 日本 (Partnerstadt)",
        ]
        .map(str::to_owned),
    );
    texts.push(drafts.join(" ").repeat(3));
    if let Some(only) = only {
        texts = vec![texts.get(only).ok_or("no such text")?.clone()];
    }
    // The first call builds the extractor and reads the platform table.
    std::hint::black_box(count_text(Platform::X, "")?);
    let started = Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        for text in &texts {
            total += std::hint::black_box(count_text(Platform::X, text)?).length;
        }
    }
    let counts = u128::from(rounds) * texts.len() as u128;
    if counts > 0 {
        eprintln!(
            "{} counts, {} ns per count (sum of lengths {total})",
            counts,
            started.elapsed().as_nanos() / counts
        );
    }
    Ok(())
}
