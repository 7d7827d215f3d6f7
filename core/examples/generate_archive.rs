//! Writes the example archive of the quarterly report: two and a half years of generated
//! posts of the Paderborn mayor's accounts and the comments under them.
//!
//! ```text
//! cargo run -p freigabe --example generate_archive -- examples/archive
//! freigabe report --policy policies/paderborn.toml --archive examples/archive/posts.jsonl \
//!     --comments examples/archive/comments.jsonl --output report.html
//! ```
//!
//! Writes `posts.jsonl` and `comments.jsonl` into the directory (default `examples/archive`).
//! Deterministic: `core/tests/example_archive.rs` checks the committed files are what this
//! writes. The rhythm it imitates is described in `core/benches/support/archive.rs`.

#[path = "../benches/support/archive.rs"]
mod archive;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "examples/archive".to_owned()),
    );
    let generated = archive::generate(archive::ARCHIVE_SEED);
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("posts.jsonl"), &generated.posts))
        .and_then(|()| std::fs::write(dir.join("comments.jsonl"), &generated.comments));
    match written {
        Ok(()) => {
            println!(
                "{}: {} posts, {} comments and replies",
                dir.display(),
                generated.posts.lines().count(),
                generated.comments.lines().count()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "generate_archive: cannot write `{}`: {error}",
                dir.display()
            );
            ExitCode::from(2)
        }
    }
}
