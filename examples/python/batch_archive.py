"""Check what went out: read archives, check every post, write the findings as CSV and Parquet.

    python examples/python/batch_archive.py --policy policies/paderborn.toml \\
        --account buergermeister --out findings \\
        examples/archives/x/data/tweets.js examples/archives/posts.csv

writes ``findings.csv`` and ``findings.parquet`` (one row per finding: file, record,
post id, publication time, rule, severity, message, offsets) and prints the count per
rule. Needs ``pip install 'freigabe[pandas]' pyarrow``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

import freigabe
import freigabe.pandas


def findings_of(
    paths: Sequence[str], engine: freigabe.Engine, account: Optional[str] = None
) -> pd.DataFrame:
    """Findings of every post of every archive, in file and record order."""
    frames = []
    for path in paths:
        posts = freigabe.pandas.read_archive(path, account=account)
        findings = freigabe.pandas.check_frame(
            posts, engine, keep=["id", "published_at"]
        )
        findings.insert(0, "file", path)
        frames.append(findings.rename(columns={"row": "record"}))
    if not frames:
        return freigabe.pandas.empty_findings()
    return pd.concat(frames, ignore_index=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", help="archive files (format recognised)")
    parser.add_argument("--policy", required=True, help="policy TOML file")
    parser.add_argument("--account", help="account of posts whose archive names none")
    parser.add_argument("--out", default="findings", help="output path without extension")
    parser.add_argument("--lang", default="de", choices=["de", "en"])
    args = parser.parse_args(argv)

    engine = freigabe.Engine(freigabe.Policy.from_file(args.policy), lang=args.lang)
    try:
        findings = findings_of(args.archives, engine, args.account)
    except freigabe.FreigabeError as error:
        print(f"batch_archive: {error}", file=sys.stderr)
        return 2
    out = Path(args.out)
    findings.to_csv(out.with_suffix(".csv"), index=False)
    findings.to_parquet(out.with_suffix(".parquet"), index=False)
    print(f"{len(findings)} findings in {len(args.archives)} archives -> {out}.csv, {out}.parquet")
    print(findings.groupby("rule", observed=True).size().sort_values(ascending=False).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
