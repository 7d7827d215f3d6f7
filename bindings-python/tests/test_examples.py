"""examples/python: the batch script (CSV and Parquet) and the Dask example run on small data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import freigabe  # noqa: E402
import freigabe.archive  # noqa: E402
import freigabe.pandas  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ARCHIVES = ROOT / "examples" / "archives"
POLICY = ROOT / "policies" / "paderborn.toml"


def example(name: str) -> ModuleType:
    path = ROOT / "examples" / "python" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Dask pickles functions by module name
    spec.loader.exec_module(module)
    return module


def generated_posts(count: int) -> list[dict[str, Any]]:
    """Posts whose findings are known: every third says "du" to the reader
    (`address.informal`), every fifth links over plain `http://` (`links.https`)."""
    posts = []
    for i in range(count):
        text = f"Beitrag {i}: Der Stadtrat informiert über die Baustelle an der Detmolder Straße."
        if i % 3 == 0:
            text += " Hast du Fragen?"
        if i % 5 == 0:
            text += " Mehr: http://www.paderborn.de/baustellen"
        posts.append(
            {
                "id": f"gen-{i:04d}",
                "text": text,
                "account": "buergermeister",
                "platforms": ["facebook"],
                "published_at": f"2026-05-{1 + i % 28:02d}T10:00:00+02:00",
            }
        )
    return posts


def write_parts(directory: Path, posts: list[dict[str, Any]], parts: int) -> list[str]:
    paths = []
    for part in range(parts):
        path = directory / f"part-{part}.jsonl"
        with path.open("w", encoding="utf-8") as file:
            for post in posts[part::parts]:
                file.write(json.dumps(post, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


def test_batch_script_writes_the_same_findings_as_csv_and_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = example("batch_archive")
    archives = [str(ARCHIVES / "posts.csv"), str(ARCHIVES / "x" / "data" / "tweets.js")]
    out = tmp_path / "findings"
    assert batch.main(["--policy", str(POLICY), "--account", "buergermeister",
                       "--out", str(out), *archives]) == 0
    from_csv = pd.read_csv(out.with_suffix(".csv"))
    from_parquet = pd.read_parquet(out.with_suffix(".parquet"))
    engine = freigabe.Engine(freigabe.Policy.from_file(POLICY))
    expected = sum(
        len(report)
        for path in archives
        for report in engine.check_many(
            list(freigabe.archive.read(path, account="buergermeister"))
        )
    )
    assert len(from_csv) == len(from_parquet) == expected > 0
    assert set(from_parquet["file"]) == set(archives)
    assert "address.informal" in set(from_parquet["rule"])
    assert from_parquet["severity"].dtype == "category"
    csv_informal = from_csv[from_csv["rule"] == "address.informal"]
    assert "csv-3" in set(csv_informal["id"]), "the post that says du"
    assert f"{expected} findings in 2 archives" in capsys.readouterr().out


def test_batch_script_reports_an_unknown_archive_shape(tmp_path: Path) -> None:
    batch = example("batch_archive")
    notes = tmp_path / "notes.txt"
    notes.write_text("hallo", encoding="utf-8")
    assert batch.main(["--policy", str(POLICY), "--out", str(tmp_path / "f"), str(notes)]) == 2


def test_dask_example_checks_partitions_on_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    dask_example = example("dask_archive")
    posts = generated_posts(300)
    paths = write_parts(tmp_path, posts, parts=4)
    engine = freigabe.Engine(freigabe.Policy.from_file(POLICY))
    findings = dask_example.run(paths, engine, workers=2)

    informal = findings[findings["rule"] == "address.informal"]
    assert sorted(informal["id"]) == [p["id"] for i, p in enumerate(posts) if i % 3 == 0]
    https = findings[findings["rule"] == "links.https"]
    assert sorted(https["id"]) == [p["id"] for i, p in enumerate(posts) if i % 5 == 0]
    # The same as checking everything here, in one process.
    local = freigabe.pandas.check_frame(pd.DataFrame(posts), engine, keep=["id"])
    assert len(findings) == len(local)
    assert sorted(zip(findings["id"], findings["rule"])) == sorted(zip(local["id"], local["rule"]))
    assert str(findings["published_at"].dt.tz) == "UTC"
