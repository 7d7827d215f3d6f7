"""Check a partitioned archive on a Dask cluster of worker processes.

    python examples/python/dask_archive.py --policy policies/paderborn.toml \\
        --out findings.parquet parts/*.jsonl

Each archive file is one partition (``dask.dataframe.from_map`` over
``freigabe.pandas.read_archive``); ``map_partitions(freigabe.pandas.check_frame, engine)``
checks them on a ``LocalCluster`` with two single-threaded worker processes. The Engine
is pickled into the task graph (as its policy text) and compiled once per worker process.
Needs ``pip install 'freigabe[pandas]' 'dask[distributed]' pyarrow``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import freigabe
import freigabe.pandas

KEEP = ["id", "published_at"]


def findings_of(
    paths: Sequence[str], engine: freigabe.Engine, account: Optional[str] = None
) -> dd.DataFrame:
    """A lazy Dask frame of the findings of every post, one partition per file."""
    posts = dd.from_map(freigabe.pandas.read_archive, list(paths), account=account)
    # The findings' columns and dtypes: check_frame of the (empty) posts meta.
    meta = freigabe.pandas.check_frame(posts._meta, engine, keep=KEEP)
    return posts.map_partitions(freigabe.pandas.check_frame, engine, keep=KEEP, meta=meta)


def run(
    paths: Sequence[str], engine: freigabe.Engine, account: Optional[str] = None, workers: int = 2
) -> pd.DataFrame:
    """Computes the findings on a local cluster of ``workers`` processes."""
    # Platform lists are Python objects; keep Dask from turning object columns into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        with LocalCluster(
            processes=True, n_workers=workers, threads_per_worker=1, dashboard_address=":0"
        ) as cluster, Client(cluster):
            return findings_of(paths, engine, account).compute()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archives", nargs="+", help="archive files, one partition each")
    parser.add_argument("--policy", required=True, help="policy TOML file")
    parser.add_argument("--account", help="account of posts whose archive names none")
    parser.add_argument("--out", default="findings.parquet", help="Parquet output file")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    engine = freigabe.Engine(freigabe.Policy.from_file(args.policy))
    findings = run(args.archives, engine, args.account, args.workers)
    findings.to_parquet(args.out, index=False)
    print(f"{len(findings)} findings in {len(args.archives)} partitions -> {args.out}")
    print(findings.groupby("rule", observed=True).size().sort_values(ascending=False).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
