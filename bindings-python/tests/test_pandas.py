"""freigabe.pandas: findings of a DataFrame, archives as DataFrames."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")

import freigabe  # noqa: E402
import freigabe.pandas  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ARCHIVES = ROOT / "examples" / "archives"


@pytest.fixture(scope="module")
def engine() -> freigabe.Engine:
    return freigabe.Engine(freigabe.Policy.from_file(ROOT / "policies" / "paderborn.toml"))


def frame() -> Any:
    return pd.DataFrame(
        {
            "text": [
                "Hast du schon gehört? Alle Infos: http://www.paderborn.de/libori",
                "Der Rat tagt am Donnerstag um 17 Uhr im Historischen Rathaus.",
                "Wir freuen uns auf Sie beim Libori-Fest!",
            ],
            "kanal": [["instagram"], "facebook", ["facebook", "instagram"]],
        },
        index=pd.Index(["a", "b", "c"], name="post"),
    )


def test_one_row_per_finding_with_the_source_label_and_str_offsets(
    engine: freigabe.Engine,
) -> None:
    posts = frame()
    findings = freigabe.pandas.check_frame(posts, engine, platforms="kanal")
    assert list(findings.columns) == list(freigabe.pandas.FINDING_COLUMNS)
    reports = engine.check_many(
        [
            {"text": t, "platforms": p if isinstance(p, list) else [p]}
            for t, p in zip(posts["text"], posts["kanal"])
        ]
    )
    assert len(findings) == sum(len(report) for report in reports)
    informal = findings[findings["rule"] == "address.informal"]
    assert list(informal["row"]) == ["a"]
    (start, end) = (int(informal["start_char"].iloc[0]), int(informal["end_char"].iloc[0]))
    assert posts.loc["a", "text"][start:end] == "du"
    assert int(informal["line"].iloc[0]) == 1
    assert int(informal["column"].iloc[0]) == start + 1
    https = findings[findings["rule"] == "links.https"]
    assert list(https["row"]) == ["a"] and https["severity"].iloc[0] in ("warning", "error")


def test_result_dtypes_are_fixed(engine: freigabe.Engine) -> None:
    findings = freigabe.pandas.check_frame(frame(), engine, platforms="kanal")
    assert isinstance(findings["severity"].dtype, pd.CategoricalDtype)
    assert list(findings["severity"].cat.categories) == ["info", "warning", "error"]
    assert findings["severity"].cat.ordered
    for name in ("start_char", "end_char", "line", "column"):
        assert str(findings[name].dtype) == "Int64", name
    for name in ("rule", "message", "help", "platform"):
        assert isinstance(findings[name].dtype, pd.StringDtype), name
    whole_post = findings[findings["start_char"].isna()]
    assert whole_post["line"].isna().all()


def test_a_clean_frame_gives_an_empty_frame_with_the_same_columns(
    engine: freigabe.Engine,
) -> None:
    clean = pd.DataFrame({"text": []})
    findings = freigabe.pandas.check_frame(clean, engine)
    assert findings.empty
    assert list(findings.columns) == list(freigabe.pandas.FINDING_COLUMNS)
    expected = freigabe.pandas.empty_findings()
    assert findings.dtypes.astype(str).tolist() == expected.dtypes.astype(str).tolist()


def test_waived_findings_name_who_waived_them(engine: freigabe.Engine) -> None:
    waiver = {"rule": "address.informal", "reason": "Zitat", "by": "sta13.online"}
    posts = pd.DataFrame(
        {
            "text": ["Hast du Zeit?", "Hast du Zeit?"],
            "waivers": [[waiver], []],
        }
    )
    findings = freigabe.pandas.check_frame(posts, engine, account="buergermeister")
    informal = findings[findings["rule"] == "address.informal"]
    assert list(informal["row"]) == [0, 1]
    assert informal["waived_by"].iloc[0] == "sta13.online"
    assert pd.isna(informal["waived_by"].iloc[1])
    assert isinstance(findings["waived_by"].dtype, pd.StringDtype)


def test_account_and_platforms_as_constants(engine: freigabe.Engine) -> None:
    posts = pd.DataFrame({"text": ["Hast du Zeit?"] * 2})
    on_x = freigabe.pandas.check_frame(posts, engine, account="buergermeister", platforms="x")
    assert "x" in set(on_x["platform"].dropna())
    private = freigabe.pandas.check_frame(posts, engine, account="michael-dreier")
    assert "address.informal" not in set(private["rule"]), "the private account says du"


def test_keep_copies_source_columns_into_findings(engine: freigabe.Engine) -> None:
    posts = frame().assign(id=["p1", "p2", "p3"])
    findings = freigabe.pandas.check_frame(posts, engine, platforms="kanal", keep=["id"])
    assert set(findings["id"]) <= {"p1", "p2", "p3"}
    assert (findings["id"] == findings["row"].map({"a": "p1", "b": "p2", "c": "p3"})).all()


def test_an_invalid_row_raises_with_its_label(engine: freigabe.Engine) -> None:
    posts = pd.DataFrame({"text": ["a", "b"], "account": ["buergermeister", "niemand"]})
    posts.index = pd.Index([10, 20])
    with pytest.raises(freigabe.UnknownAccountError) as caught:
        freigabe.pandas.check_frame(posts, engine, account="account")
    assert caught.value.index == 1
    assert getattr(caught.value, "row") == 20


def test_missing_text_column_is_named(engine: freigabe.Engine) -> None:
    with pytest.raises(KeyError, match="`body`"):
        freigabe.pandas.check_frame(frame(), engine, text="body")


def test_read_archive_gives_one_row_per_post_with_utc_times() -> None:
    posts = freigabe.pandas.read_archive(ARCHIVES / "x" / "data" / "tweets.js", account="stadt")
    assert len(posts) == 7
    assert posts.index.name == "record"
    assert str(posts["published_at"].dtype).startswith("datetime64")
    assert str(posts["published_at"].dt.tz) == "UTC"
    assert (posts["platforms"].map(tuple) == ("x",)).all()
    assert "media" in posts.columns
    csv = freigabe.pandas.read_archive(ARCHIVES / "posts.csv")
    assert list(csv.index) == [1, 2, 3, 4, 5, 6]
    assert csv.loc[2, "published_at"] == pd.Timestamp("2026-05-12T12:30:00Z")


def test_read_archive_refuses_return_since_a_frame_has_no_place_for_errors() -> None:
    with pytest.raises(ValueError, match="'raise' or 'skip'"):
        freigabe.pandas.read_archive(ARCHIVES / "posts.csv", errors="return")  # type: ignore[arg-type]
