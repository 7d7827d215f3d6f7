//! Loads and compiles a policy N times and prints the time per compile: what a page load of
//! a browser editor or a service start pays. With a draft (JSON, as `freigabe check` reads
//! it), each compile is followed by one check of it, timed apart: an editor pays both before
//! the user sees anything, and work an engine defers to its first check shows up there. For
//! instruction counts of the first and later compiles in one process (later ones reuse the
//! built-in patterns):
//!
//! ```sh
//! cargo build --release -p freigabe --example compile_policy
//! valgrind --tool=callgrind target/release/examples/compile_policy policies/paderborn.toml 1
//! ```
//!
//! Usage: `compile_policy POLICY_FILE [TIMES [DRAFT_JSON]]` (default 20 times).

use std::path::Path;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .ok_or("usage: compile_policy POLICY_FILE [TIMES [DRAFT_JSON]]")?;
    let times: u32 = args.next().map_or(Ok(20), |n| n.parse())?;
    let draft: Option<freigabe::Draft> = match args.next() {
        Some(draft) => Some(serde_json::from_str(&std::fs::read_to_string(draft)?)?),
        None => None,
    };
    let path = Path::new(&file);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(&file);
    let mut compiling = Duration::ZERO;
    let mut first_checks = Duration::ZERO;
    for _ in 0..times {
        let started = Instant::now();
        let policy = freigabe::Policy::load(name, |p| std::fs::read_to_string(dir.join(p)))?;
        let engine = freigabe::Engine::new(policy)?;
        compiling += started.elapsed();
        if let Some(draft) = &draft {
            let started = Instant::now();
            std::hint::black_box(engine.check(draft, &[], None)?);
            first_checks += started.elapsed();
        }
        std::hint::black_box(engine);
    }
    eprintln!("{:?} per compile", compiling / times.max(1));
    if draft.is_some() {
        eprintln!("{:?} per first check", first_checks / times.max(1));
    }
    Ok(())
}
