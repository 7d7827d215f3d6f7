//! Loads and compiles a policy N times and prints the time per compile: what a page load of
//! a browser editor or a service start pays. For instruction counts of the first and later
//! compiles in one process (later ones reuse the built-in patterns):
//!
//! ```sh
//! cargo build --release -p freigabe --example compile_policy
//! valgrind --tool=callgrind target/release/examples/compile_policy policies/paderborn.toml 1
//! ```
//!
//! Usage: `compile_policy POLICY_FILE [TIMES]` (default 20).

use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .ok_or("usage: compile_policy POLICY_FILE [TIMES]")?;
    let times: u32 = args.next().map_or(Ok(20), |n| n.parse())?;
    let path = Path::new(&file);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(&file);
    let started = Instant::now();
    for _ in 0..times {
        let policy = freigabe::Policy::load(name, |p| std::fs::read_to_string(dir.join(p)))?;
        std::hint::black_box(freigabe::Engine::new(policy)?);
    }
    eprintln!("{:?} per compile", started.elapsed() / times.max(1));
    Ok(())
}
