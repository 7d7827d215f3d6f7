"""Throughput of the Python package next to the Rust engine and a pure-Python baseline.

Measures posts/s of ``Engine.check_many`` with 1 and 2 threads on the Rust bench's corpus
(``gen_corpus``: the same posts, history and reference time as ``cargo bench -p freigabe
--bench engine``), the Rust rate of ``check_corpus`` on those posts, and a straightforward
pure-Python ``re`` implementation of three rules (what a data team would otherwise write).

    maturin build --release -m bindings-python/Cargo.toml && pip install target/wheels/*.whl
    python bindings-python/bench/bench.py --rust            # 100,000 posts, Rust bench too
    python bindings-python/bench/bench.py --count 20000     # Python only
    python bindings-python/bench/bench.py --smoke           # 200 posts, proves it runs

Targets (issue 5): ``threads=1`` at least 80 % of the Rust rate per core; ``threads=2`` at
least 1.7x ``threads=1``. Each row gives posts/s by the wall clock, posts per CPU-second
(the per-core rate, which other processes on a shared machine do not distort) and the
cores the run got (CPU / wall). A timed run needs a release wheel; ``--smoke`` asserts only
that both thread counts give the same reports.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional

import freigabe
from plain_re import check_with_re

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "paderborn.toml"
# core/benches/support/corpus.rs: SEED, BASE_SECONDS, ACCOUNTS, history().
SEED = 0x00F2_E1CA_BE20_2605
BASE = datetime.fromtimestamp(1_777_881_600, tz=timezone.utc)
ACCOUNTS = ("buergermeister", "michael-dreier")
RUST_BENCH_POSTS = 100_000


def gen_corpus(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """The bench corpus as draft dicts, from the Rust generator."""
    done = subprocess.run(
        ["cargo", "run", "--quiet", "-p", "freigabe", "--example", "gen_corpus", "--",
         "--count", str(count), "--seed", str(seed)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"bench: gen_corpus failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines()]


def read_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def history() -> list[dict[str, Any]]:
    """corpus::history(): 16 posts, two a week per account over the last two months."""
    return [
        {
            "account": ACCOUNTS[i % len(ACCOUNTS)],
            "platforms": draft.get("platforms", []),
            "published_at": (BASE - timedelta(hours=84 * (i // 2 + 1))).isoformat(),
            "text": draft["text"],
        }
        for i, draft in enumerate(gen_corpus(16, SEED ^ 1))
    ]


# --- measuring --------------------------------------------------------------------------


class Timing:
    """The fastest of several runs: wall-clock seconds and the process's CPU seconds (all
    threads). On a shared machine the CPU time is the fairer per-core figure: it does not
    grow when other processes take the cores."""

    def __init__(self, wall: float, cpu: float) -> None:
        self.wall, self.cpu = wall, cpu


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[Timing, Any]:
    best, result = Timing(float("inf"), float("inf")), None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if wall < best.wall:
            best = Timing(wall, cpu)
    return best, result


def rust_timing(executable: Optional[Path] = None) -> Optional[Timing]:
    """`check_corpus` of the release bench: fastest sample (wall) and CPU seconds per pass
    (the bench checks the corpus once to summarise it, then once per sample). Builds the
    bench unless `executable` is a bench binary built from the same tree as the wheel."""
    if executable is not None:
        return run_rust_bench(str(executable.resolve()))
    built = subprocess.run(
        ["cargo", "bench", "-p", "freigabe", "--bench", "engine", "--no-run",
         "--message-format", "json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    executables = [
        message["executable"]
        for message in map(json.loads, built.splitlines())
        if message.get("reason") == "compiler-artifact"
        and message.get("target", {}).get("name") == "engine"
        and message.get("executable")
    ]
    return run_rust_bench(executables[-1]) if executables else None


def run_rust_bench(executable: str) -> Optional[Timing]:
    samples = 3
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [executable, "--bench", "check_corpus", "--sample-count", str(samples)],
        cwd=ROOT / "core", check=True, capture_output=True, text=True,
    ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    match = re.search(r"check_corpus\s+([\d.]+)\s*(ns|µs|us|ms|s)\b", out)
    if not match:
        print(out, file=sys.stderr)
        return None
    scale = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    return Timing(float(match.group(1)) * scale[match.group(2)], cpu / (samples + 1))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=RUST_BENCH_POSTS, help="posts (default: the Rust bench's 100,000)")
    parser.add_argument("--corpus", type=Path, help="JSONL from gen_corpus instead of generating")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts")
    parser.add_argument("--rust", action="store_true", help="also run the Rust release bench (needs --count 100000)")
    parser.add_argument("--rust-bench", type=Path, help="with --rust: a built bench binary (target/release/deps/engine-…)")
    parser.add_argument("--smoke", action="store_true", help="200 posts, one run: proves the bench works")
    args = parser.parse_args(argv)
    if args.smoke:
        args.count, args.repeat = 200, 1

    drafts = read_corpus(args.corpus) if args.corpus else gen_corpus(args.count)
    past = history()
    now = BASE.isoformat()
    engine = freigabe.Engine(freigabe.Policy.from_file(POLICY))
    megabytes = sum(len(d["text"].encode()) for d in drafts) / 1e6
    print(f"corpus: {len(drafts)} posts, {megabytes:.1f} MB; {POLICY.relative_to(ROOT)}; "
          f"{len(past)} history entries; cores: {os.cpu_count()}; load: {os.getloadavg()[0]:.1f}")

    def check(threads: int) -> Callable[[], list[Any]]:
        return lambda: engine.check_many(drafts, history=past, now=now, threads=threads)

    one, reports_one = best_of(args.repeat, check(1))
    two, reports_two = best_of(args.repeat, check(2))
    same = [r.to_json() for r in reports_one] == [r.to_json() for r in reports_two]
    if not same:
        print("bench: threads=1 and threads=2 disagree", file=sys.stderr)
        return 1
    plain, found = best_of(args.repeat, lambda: [check_with_re(d) for d in drafts])

    rust: Optional[Timing] = None
    if args.rust:
        if len(drafts) != RUST_BENCH_POSTS:
            print("bench: --rust compares with the bench's 100,000 posts; use --count 100000", file=sys.stderr)
            return 2
        rust = rust_timing(args.rust_bench)

    posts = len(drafts)
    print(f"\n| {'implementation':<38} | {'posts/s':>8} | {'posts/CPU-s':>11} | {'cores used':>10} |")
    print(f"| {'-' * 38} | {'-' * 8}:| {'-' * 11}:| {'-' * 10}:|")
    for name, timing in [
        ("Rust Engine::check (release bench)", rust),
        ("Python check_many, threads=1", one),
        ("Python check_many, threads=2", two),
        ("pure-Python re, 3 rules only", plain),
    ]:
        if timing is not None:
            print(f"| {name:<38} | {posts / timing.wall:>8,.0f} | {posts / timing.cpu:>11,.0f} | "
                  f"{timing.cpu / timing.wall:>10.2f} |")
    diagnostics = sum(len(r) for r in reports_one)
    print(f"\nall rules: {diagnostics} diagnostics; re baseline: {sum(map(len, found))} findings of 3 rules")
    if args.smoke:
        return 0
    speedup = one.wall / two.wall
    print(f"threads=2 vs threads=1: {speedup:.2f}x wall clock "
          f"(target >= 1.7x: {'met' if speedup >= 1.7 else 'NOT met'}); "
          f"CPU per post {two.cpu / one.cpu:.2f}x")
    if rust:
        per_core = rust.cpu / one.cpu
        print(f"threads=1 per core (CPU time) vs Rust: {per_core:.0%} "
              f"(target >= 80 %: {'met' if per_core >= 0.8 else 'NOT met'}); "
              f"wall clock {rust.wall / one.wall:.0%}")
    print(f"check_many (all rules) vs re (3 rules): {plain.cpu / one.cpu:.2f}x the speed per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
