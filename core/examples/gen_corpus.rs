//! Writes the bench corpus as JSON Lines, one draft per line, for benches in other
//! languages (Python, browser) that must measure the very same posts:
//!
//! ```text
//! cargo run -p freigabe --example gen_corpus -- --count 100000 > corpus.jsonl
//! ```
//!
//! Options: `--count N` (default 100000), `--seed S` (default: the seed of the Rust bench).
//! Same seed and count, same bytes.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            eprintln!("usage: gen_corpus [--count N] [--seed S]");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut count: usize = 100_000;
    let mut seed = corpus::SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("`{name}` needs a value"));
        match arg.as_str() {
            "--count" => {
                let v = value("--count")?;
                count = v.parse().map_err(|_| format!("invalid count `{v}`"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v.parse().map_err(|_| format!("invalid seed `{v}`"))?;
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for draft in corpus::drafts(seed).take(count) {
        let line = serde_json::to_string(&draft).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
