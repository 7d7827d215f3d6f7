"""The binding's own behaviour: errors, drafts as str or dict, batches, threads, pickling."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import freigabe

ROOT = Path(__file__).resolve().parents[2]
PADERBORN = ROOT / "policies" / "paderborn.toml"
LIBORI = ROOT / "examples" / "drafts" / "libori-empfang.json"
PRIVATE = ROOT / "examples" / "drafts" / "privat-mit-impressum.json"
NOW = "2026-07-20T09:00:00+02:00"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _workers  # noqa: E402  (the spawned workers import it by name)

SMALL_POLICY = """\
imprint = "https://www.paderborn.de/impressum"
default-account = "stadt"

[accounts.stadt]
kind = "official"
platforms = ["x", "instagram"]
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
"""


@pytest.fixture(scope="module")
def engine() -> freigabe.Engine:
    return freigabe.Engine(freigabe.Policy.from_file(PADERBORN))


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as file:
        draft: dict[str, Any] = json.load(file)
    return draft


def many_drafts(count: int) -> list[Any]:
    base = [load(LIBORI), load(PRIVATE), "Guten Morgen, Paderborn! #Libori"]
    return [base[i % len(base)] for i in range(count)]


# --- errors ---------------------------------------------------------------------------------


def test_policy_syntax_error_has_line_and_column() -> None:
    with pytest.raises(freigabe.PolicySyntaxError) as caught:
        freigabe.Policy.from_str('imprint = "https://a.de"\n[accounts.stadt\nkind = "official"\n')
    error = caught.value
    assert isinstance(error, freigabe.PolicyError)
    assert isinstance(error, freigabe.FreigabeError)
    assert error.kind == "syntax"
    assert (error.line, error.column) == (2, 16)
    assert error.source_name == "<policy>"
    assert str(error).startswith("<policy>:2:16: ")


def test_misspelt_key_suggests_the_right_one_in_either_language() -> None:
    text = SMALL_POLICY.replace('platforms = ["x", "instagram"]', 'platfroms = ["x"]')
    with pytest.raises(freigabe.UnknownKeyError) as caught:
        freigabe.Policy.from_str(text)
    assert caught.value.message == "Unbekannter Schlüssel `platfroms`"
    assert caught.value.help == "Meinten Sie `platforms`?"
    assert caught.value.line == 6
    with pytest.raises(freigabe.UnknownKeyError) as english:
        freigabe.Policy.from_str(text, lang="en")
    assert english.value.message == "unknown key `platfroms`"
    assert english.value.help == "did you mean `platforms`?"


def test_missing_policy_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(freigabe.PolicyReadError) as caught:
        freigabe.Policy.from_file(tmp_path / "fehlt.toml")
    assert caught.value.kind == "read"


def test_invalid_draft_is_explained(engine: freigabe.Engine) -> None:
    with pytest.raises(freigabe.InvalidDraftError) as caught:
        engine.check({"text": "Hallo", "platfroms": ["x"]})
    assert caught.value.kind == "invalid-draft"
    assert caught.value.help == "Meinten Sie `platforms`?"
    with pytest.raises(freigabe.InvalidDraftError):
        engine.check({"account": "buergermeister"})  # no text
    with pytest.raises(freigabe.InvalidDraftError):
        engine.check("Hallo", platforms=["fcebook"])
    with pytest.raises(freigabe.InvalidDraftError):
        engine.check(42)  # type: ignore[arg-type]


def test_too_large_draft_is_refused(engine: freigabe.Engine) -> None:
    with pytest.raises(freigabe.InputTooLargeError) as caught:
        engine.check("a" * (freigabe.MAX_DRAFT_BYTES + 1), account="buergermeister")
    assert isinstance(caught.value, freigabe.DraftError)
    assert caught.value.kind == "too-large"


def test_unknown_account_and_bad_arguments(engine: freigabe.Engine) -> None:
    with pytest.raises(freigabe.UnknownAccountError):
        engine.check("Hallo", account="buergermeistr")
    with pytest.raises(freigabe.ArgumentError):
        engine.check("Hallo", account="buergermeister", now="gestern")
    with pytest.raises(freigabe.ArgumentError):
        freigabe.Engine(engine.policy, lang="fr")
    with pytest.raises(freigabe.ArgumentError):
        engine.check_many(["Hallo"], threads=0)
    with pytest.raises(freigabe.ArgumentError):
        engine.check_many(["Hallo"], on_error="ignore")  # type: ignore[arg-type]


# --- drafts and reports ----------------------------------------------------------------------


def test_str_draft_with_account_and_platforms(engine: freigabe.Engine) -> None:
    text = load(PRIVATE)["text"]
    report = engine.check(text, account="michael-dreier", platforms=["instagram"])
    assert report == engine.check({"text": text, "account": "michael-dreier", "platforms": ["instagram"]})
    assert [d.rule for d in report.diagnostics] == ["imprint.private"]
    span = report.diagnostics[0].span
    assert span is not None
    assert text[span.start_char:span.end_char] == "paderborn.de/impressum"
    assert span.start_char != span.start  # the emoji makes bytes and characters differ
    assert report.verdict == "block"
    assert set(report.measures) == {"instagram"}


def test_keywords_override_dict_keys(engine: freigabe.Engine) -> None:
    draft = load(PRIVATE)
    report = engine.check(draft, platforms=["instagram"])
    assert "facebook" not in report.measures
    assert draft["platforms"] == ["instagram", "facebook"] or "facebook" in draft["platforms"]


def test_to_dict_is_the_json_contract(engine: freigabe.Engine) -> None:
    report = engine.check(load(LIBORI), now=NOW)
    as_dict = report.to_dict()
    assert as_dict == json.loads(report.to_json())
    assert set(as_dict) == {"verdict", "diagnostics", "measures", "policy_digest", "engine_version"}
    assert as_dict["diagnostics"] == [d.to_dict() for d in report.diagnostics]
    assert report.policy_digest == engine.policy.digest
    assert report.engine_version == freigabe.__version__


def test_to_dict_equals_the_cli_json_output(engine: freigabe.Engine) -> None:
    given = os.environ.get("FREIGABE_CLI")
    cli = given or str(ROOT / "target" / "debug" / "freigabe")
    if not Path(cli).is_file():
        # scripts/test builds the CLI and names it; only a bare `pytest` may go without.
        assert not given, f"FREIGABE_CLI names no file: {given}"
        pytest.skip("the CLI is not built (scripts/test builds it and sets FREIGABE_CLI)")
    printed = subprocess.run(
        [cli, "check", "--policy", str(PADERBORN), "--format", "json", "--now", NOW, str(LIBORI)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert printed.returncode == 1, printed.stderr
    assert json.loads(printed.stdout) == engine.check(load(LIBORI), now=NOW).to_dict()


def test_history_as_dicts_or_json_lines_and_now_as_datetime(engine: freigabe.Engine) -> None:
    import datetime

    history = [
        {"account": "buergermeister", "platforms": ["facebook"], "published_at": f"2026-07-2{day}T10:00:00+02:00"}
        for day in (0, 1, 2)
    ]
    draft = load(LIBORI)
    as_list = engine.check(draft, history=history, now=NOW)
    as_lines = engine.check(draft, history="\n".join(json.dumps(h) for h in history), now=NOW)
    aware = datetime.datetime(2026, 7, 20, 7, 0, tzinfo=datetime.timezone.utc)
    as_datetime = engine.check(draft, history=history, now=aware)
    assert as_list == as_lines == as_datetime
    assert "cadence.week-max" in {d.rule for d in as_list.diagnostics}
    assert "cadence.week-max" not in {d.rule for d in engine.check(draft, now=NOW).diagnostics}
    with pytest.raises(freigabe.ArgumentError):
        engine.check(draft, now=datetime.datetime(2026, 7, 20, 9, 0))  # no time zone


def test_times_may_be_datetimes(engine: freigabe.Engine) -> None:
    import datetime

    zone = datetime.timezone(datetime.timedelta(hours=2))
    as_text = load(LIBORI)
    as_datetimes = dict(
        as_text,
        scheduled_at=datetime.datetime(2026, 7, 23, 10, 0, tzinfo=zone),
        approvals=[{"by": "k.schulz", "at": datetime.datetime(2026, 7, 22, 16, 0, tzinfo=zone)}],
    )
    as_text["approvals"] = [{"by": "k.schulz", "at": "2026-07-22T16:00:00+02:00"}]
    history = [{"account": "buergermeister", "published_at": datetime.datetime(2026, 7, 21, 10, 0, tzinfo=zone)}]
    expected = engine.check(as_text, now=NOW, history=[dict(history[0], published_at="2026-07-21T10:00:00+02:00")])
    assert engine.check(as_datetimes, now=NOW, history=history) == expected
    assert isinstance(as_datetimes["scheduled_at"], datetime.datetime)  # the caller's dict is untouched
    with pytest.raises(freigabe.InvalidDraftError):
        engine.check(dict(as_text, scheduled_at=datetime.datetime(2026, 7, 23, 10, 0)))  # no zone


def test_waived_finding_is_marked_and_does_not_count(engine: freigabe.Engine) -> None:
    draft = load(ROOT / "examples" / "drafts" / "motto-mit-ausnahme.json")
    report = engine.check(draft)
    assert report.verdict == "pass"
    (informal,) = [d for d in report.diagnostics if d.rule == "address.informal"]
    assert informal.waived == {
        "by": "m.dreier",
        "reason": "Motto der Aktion, so vom Rat beschlossen",
        "at": "2026-05-03T14:00:00Z",
    }
    assert "waived by m.dreier" in repr(informal)
    assert report.count("info") == 0
    assert report.to_dict()["diagnostics"][0]["waived"]["by"] == "m.dreier"
    del draft["waivers"]
    unwaived = engine.check(draft)
    assert unwaived.verdict == "warn"
    assert all(d.waived is None for d in unwaived.diagnostics)
    assert "waived" not in unwaived.to_dict()["diagnostics"][0]


def test_waiver_of_an_unknown_rule_is_an_invalid_draft(engine: freigabe.Engine) -> None:
    waiver = {"rule": "adress.informal", "reason": "Motto", "by": "m.dreier"}
    with pytest.raises(freigabe.InvalidDraftError) as raised:
        engine.check({"text": "Macht mit!", "waivers": [waiver]})
    assert "Unbekannte Regel `adress.informal`" in str(raised.value)


def test_english_messages() -> None:
    english = freigabe.Engine(freigabe.Policy.from_file(PADERBORN), lang="en")
    report = english.check(load(PRIVATE))
    assert english.lang == "en"
    assert any("private account" in d.message for d in report.diagnostics)


def test_count_matches_the_platform() -> None:
    counted = freigabe.count("x", "Hallo https://www.paderborn.de/libori 🎉")
    assert counted == {"platform": "x", "length": 6 + 23 + 1 + 2, "limit": 280, "valid": True}
    with pytest.raises(freigabe.ArgumentError):
        freigabe.count("twitter", "Hallo")


# --- batches and threads ---------------------------------------------------------------------


def test_check_many_equals_check_one_by_one(engine: freigabe.Engine) -> None:
    drafts = many_drafts(60)
    expected = [engine.check(d, now=NOW) for d in drafts]
    assert engine.check_many(drafts, now=NOW) == expected
    assert engine.check_many(drafts, now=NOW, threads=1) == engine.check_many(drafts, now=NOW, threads=2)
    assert list(engine.iter_check(iter(drafts), now=NOW, chunk_size=7)) == expected
    assert engine.check_many([]) == []


def test_broken_records_raise_with_index_or_are_returned(engine: freigabe.Engine) -> None:
    drafts: list[Any] = [
        "Hallo", {"text": "x", "platfroms": ["x"]}, "Tschüss", {"text": "y", "account": "nope"},
    ]
    with pytest.raises(freigabe.InvalidDraftError) as caught:
        engine.check_many(drafts)
    assert caught.value.index == 1
    results = engine.check_many(drafts, on_error="return")
    assert [type(r).__name__ for r in results] == [
        "Report", "InvalidDraftError", "Report", "UnknownAccountError",
    ]
    assert results[3].index == 3
    streamed = list(engine.iter_check(drafts, on_error="return", chunk_size=3))
    assert [type(r).__name__ for r in streamed] == [type(r).__name__ for r in results]
    iterator = engine.iter_check(drafts, chunk_size=2)
    assert isinstance(next(iterator), freigabe.Report)
    with pytest.raises(freigabe.InvalidDraftError):
        next(iterator)


def test_iter_check_pulls_lazily(engine: freigabe.Engine) -> None:
    pulled = []

    def source() -> Any:
        for i in range(10):
            pulled.append(i)
            yield f"Beitrag {i}"

    iterator = engine.iter_check(source(), chunk_size=4)
    assert pulled == []
    next(iterator)
    assert len(pulled) == 4
    assert len(list(iterator)) == 9


def test_check_many_progress_moves_a_tqdm_bar_to_the_total(
    engine: freigabe.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """progress=True: a tqdm bar over every draft, closed at the end; same results."""
    import types

    bars: list[Any] = []

    class FakeTqdm:
        def __init__(self, **kwargs: Any) -> None:
            self.kwargs, self.n, self.closed = kwargs, 0, False
            bars.append(self)

        def update(self, n: int) -> None:
            self.n += n

        def close(self) -> None:
            self.closed = True

    fake = types.ModuleType("tqdm.auto")
    fake.tqdm = FakeTqdm  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", fake)
    drafts = many_drafts(300)
    for threads in (1, 2):
        assert engine.check_many(drafts, threads=threads, progress=True) == engine.check_many(drafts)
    assert [(bar.kwargs["total"], bar.n, bar.closed) for bar in bars] == [(300, 300, True)] * 2


def test_check_many_progress_without_tqdm_warns_and_checks(
    engine: freigabe.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import fails as if not installed
    with pytest.warns(UserWarning, match="tqdm"):
        reports = engine.check_many(["Hallo", "Tschüss"], progress=True)
    assert len(reports) == 2


def test_check_many_releases_the_gil(engine: freigabe.Engine) -> None:
    """A Python thread runs while check_many works: it sees `in_call` set."""
    drafts = many_drafts(300)
    state = {"in_call": False, "stop": False, "seen": 0}

    def watch() -> None:
        while not state["stop"]:
            if state["in_call"]:
                state["seen"] += 1

    interval = sys.getswitchinterval()
    # Long switch interval: the watcher gets the interpreter only when the caller lets go.
    sys.setswitchinterval(1.0)
    watcher = threading.Thread(target=watch)
    try:
        watcher.start()
        state["in_call"] = True
        engine.check_many(drafts, threads=2)
        state["in_call"] = False
    finally:
        state["stop"] = True
        sys.setswitchinterval(interval)
        watcher.join()
    assert state["seen"] > 0


# --- pickling --------------------------------------------------------------------------------


def test_policy_with_extends_pickles_without_files(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text('imprint = "https://www.moers.de/impressum"\n', encoding="utf-8")
    (tmp_path / "stadt.toml").write_text(
        'extends = "base.toml"\n[accounts.stadt]\nkind = "official"\nplatforms = ["x"]\n',
        encoding="utf-8",
    )
    policy = freigabe.Policy.from_file(tmp_path / "stadt.toml")
    data = pickle.dumps(policy)
    for file in tmp_path.iterdir():
        file.unlink()
    restored = pickle.loads(data)
    assert restored.digest == policy.digest
    assert restored.accounts == ["stadt"]


def test_engine_and_report_round_trip(engine: freigabe.Engine) -> None:
    english = freigabe.Engine(freigabe.Policy.from_str(SMALL_POLICY), lang="en")
    restored = pickle.loads(pickle.dumps(english))
    assert restored.lang == "en"
    assert restored.policy.digest == english.policy.digest
    draft = "Macht alle mit! #A #B #C #D #E #F"
    assert restored.check(draft) == english.check(draft)
    report = engine.check(load(LIBORI), now=NOW)
    assert pickle.loads(pickle.dumps(report)) == report


def test_engine_pickles_into_spawned_processes(engine: freigabe.Engine) -> None:
    drafts = many_drafts(6)
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        reports = pool.starmap(_workers.check, [(engine, d, NOW) for d in drafts])
    assert reports == [engine.check(d, now=NOW) for d in drafts]
