//! The reports of the bench corpus and of adversarial drafts, one JSON line each: the
//! equivalence check of performance work (an optimisation must not change one byte).
//!
//! ```text
//! cargo run --release -p freigabe --example reports -- --corpus 20000 --adversarial 50000 \
//!     --eval > before.jsonl        # then change the code, run again, `cmp` the files
//! ```
//!
//! Options: `--corpus N` first N corpus posts (default 2000), `--adversarial N` adversarial
//! drafts (default 2000), `--eval` adds the texts of `tests/eval` and `tests/conformance`
//! as fragments of the adversarial drafts, `--digest` prints only the SHA-256 of all lines
//! (what `tests/report_digest.rs` asserts), `--root DIR` reads `policies/` and `tests/` from
//! DIR instead of this checkout (a frozen copy, when others edit them meanwhile), `--long N` instead checks the 2,200-character
//! bench draft N times and prints nothing (a fixed workload for callgrind:
//! `valgrind --tool=callgrind --toggle-collect='*Engine*check*' …`), `--indexed` checks
//! against the history indexed once ([`freigabe::HistoryIndex`], as `check_many` does)
//! instead of passing the entries to every check, `--history N` checks against N entries in
//! the rhythm of the bench history (default 16, the bench history itself).

#[path = "../benches/support/adversarial.rs"]
mod adversarial;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use freigabe::{Engine, HistoryIndex, Policy};
use sha2::{Digest, Sha256};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reports: {message}");
            eprintln!(
                "usage: reports [--corpus N] [--adversarial N] [--eval] [--digest] [--root DIR] [--long N] [--indexed] [--history N]"
            );
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let (mut corpus_posts, mut adversarial_posts, mut eval, mut digest, mut long) =
        (2_000, 2_000, false, false, None);
    let (mut indexed, mut history_entries) = (false, 16);
    let mut root = concat!(env!("CARGO_MANIFEST_DIR"), "/..").to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let v = args.next().ok_or(format!("`{name}` needs a value"))?;
            v.parse().map_err(|_| format!("invalid number `{v}`"))
        };
        match arg.as_str() {
            "--corpus" => corpus_posts = number("--corpus")?,
            "--adversarial" => adversarial_posts = number("--adversarial")?,
            "--long" => long = Some(number("--long")?),
            "--eval" => eval = true,
            "--digest" => digest = true,
            "--indexed" => indexed = true,
            "--history" => history_entries = number("--history")?,
            "--root" => root = args.next().ok_or("`--root` needs a value")?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let policy = Policy::load(&format!("{root}/policies/paderborn.toml"), |p: &str| {
        std::fs::read_to_string(p)
    })
    .map_err(|e| e.render(freigabe::Lang::En))?;
    let engine = Engine::new(policy).map_err(|e| e.render(freigabe::Lang::En))?;
    let (history, now) = (corpus::history_of(history_entries), Some(corpus::now()));
    let index = HistoryIndex::new(&history);
    let check = |draft: &freigabe::Draft| {
        if indexed {
            engine.check_indexed(draft, &index, now)
        } else {
            engine.check(draft, &history, now)
        }
    };

    if let Some(times) = long {
        let draft = corpus::long_draft(corpus::SEED, 2_200);
        for _ in 0..times {
            std::hint::black_box(check(&draft).ok());
        }
        return Ok(());
    }

    let fragments = if eval { eval_texts(&root)? } else { Vec::new() };
    let drafts = corpus::drafts(corpus::SEED)
        .take(corpus_posts)
        .chain(adversarial::drafts(adversarial::SEED, &fragments).take(adversarial_posts));
    let mut hasher = Sha256::new();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for draft in drafts {
        let line = match check(&draft) {
            Ok(mut report) => {
                // Findings only: a comment in a policy changes its digest, not a result.
                report.policy_digest = "".into();
                serde_json::to_string(&report).map_err(|e| e.to_string())?
            }
            Err(error) => format!("error: {error}"),
        };
        if digest {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        } else {
            writeln!(out, "{line}").map_err(|e| e.to_string())?;
        }
    }
    if digest {
        let hex: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        writeln!(out, "{hex}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// Every `text` string in the TOML files of `tests/eval` and `tests/conformance`.
fn eval_texts(root: &str) -> Result<Vec<String>, String> {
    fn collect(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::Table(table) => {
                for (key, value) in table {
                    match value {
                        toml::Value::String(text) if key == "text" => out.push(text.clone()),
                        other => collect(other, out),
                    }
                }
            }
            toml::Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for dir in ["tests/eval", "tests/conformance"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .map_err(|e| format!("{dir}: {e}"))?
            .filter_map(|entry| Some(entry.ok()?.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let source = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            let value: toml::Value = toml::from_str(&source).map_err(|e| e.to_string())?;
            collect(&value, &mut texts);
        }
    }
    Ok(texts)
}
