//! The yardstick of issue 12's throughput figure: one Aho–Corasick pass with 240 terms over
//! the texts of a JSON Lines file of drafts, on one thread. Prints texts per second (the
//! fastest of three passes; reading and parsing the file is not timed).
//!
//! ```text
//! cargo run --release -p freigabe --example aho_pass -- corpus.jsonl
//! ```
//!
//! The terms are the first 240 of the plain-language lexicon (`core/data/bureaucratic.toml`),
//! lower case, matched ASCII-case-insensitively and leftmost-longest, as a lexicon rule would.

use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};

const TERMS: usize = 240;

fn main() -> ExitCode {
    match run() {
        Ok(rate) => {
            println!("{rate:.0}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("aho_pass: {message}");
            eprintln!("usage: aho_pass DRAFTS.jsonl");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<f64, String> {
    let path = std::env::args().nth(1).ok_or("no file given")?;
    let lexicon: toml::Table = include_str!("../data/bureaucratic.toml")
        .parse()
        .map_err(|e| format!("bureaucratic.toml: {e}"))?;
    let terms: Vec<String> = lexicon
        .values()
        .filter_map(toml::Value::as_array)
        .flatten()
        .filter_map(|entry| entry.get("term")?.as_str())
        .map(str::to_lowercase)
        .take(TERMS)
        .collect();
    if terms.len() < TERMS {
        return Err(format!("only {} terms in the lexicon", terms.len()));
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&terms)
        .map_err(|e| e.to_string())?;
    let file = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let texts: Vec<String> = file
        .lines()
        .map(|line| {
            let draft: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
            Ok(draft["text"].as_str().unwrap_or_default().to_owned())
        })
        .collect::<Result<_, String>>()?;
    let mut fastest = f64::INFINITY;
    let mut matches = 0;
    for _ in 0..3 {
        let started = Instant::now();
        matches = texts
            .iter()
            .map(|text| automaton.find_iter(text).count())
            .sum::<usize>();
        fastest = fastest.min(started.elapsed().as_secs_f64());
    }
    eprintln!(
        "aho_pass: {} texts, {TERMS} terms, {matches} matches, {fastest:.3} s",
        texts.len()
    );
    Ok(texts.len() as f64 / fastest)
}
