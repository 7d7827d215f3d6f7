"""The engine-neutral conformance corpus (tests/conformance/*.toml) through the Python API.

Same semantics as the Rust runner core/tests/conformance.rs (format:
tests/conformance/README.md): expectations are exhaustive and paired by rule + platform +
byte span; severity, line/column, message, suggestions, verdict and measures are compared;
every span must slice the same text by characters (Python's native offsets) as by bytes;
`known_failure` cases must fail. The expectations come only from the TOML files.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any, Optional

import pytest

import freigabe

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "conformance"
FILES = sorted(CORPUS.glob("*.toml"))
CASE_KEYS = {
    "name", "comment", "policy", "draft", "history", "now", "lang", "verdict", "measures",
    "ordered", "known_failure", "error_contains", "expect",
}
EXPECT_KEYS = {
    "rule", "severity", "platform", "span", "match", "line", "column", "message_contains",
    "suggestion", "suggestion_span", "suggestion_match", "waived_by",
}

Key = tuple[str, Optional[str], Optional[tuple[int, int]]]


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def cases() -> list[Any]:
    params = []
    for path in FILES:
        data = load(path)
        for case in data.get("case", []):
            policy = case.get("policy") or data.get("policy", {}).get("toml")
            params.append(pytest.param(case, policy, id=f"{path.stem}::{case['name']}"))
    return params


def expected_key(expected: dict[str, Any]) -> Key:
    span = expected.get("span")
    return (expected["rule"], expected.get("platform"), tuple(span) if span else None)


def actual_key(diagnostic: freigabe.Diagnostic) -> Key:
    span = diagnostic.span
    return (diagnostic.rule, diagnostic.platform, (span.start, span.end) if span else None)


def line_column(before: str) -> tuple[int, int]:
    normalized = before.replace("\r\n", "\n").replace("\r", "\n")
    return normalized.count("\n") + 1, len(normalized.rsplit("\n", 1)[-1]) + 1


def span_problems(text: str, span: freigabe.Span, what: str) -> list[str]:
    """Bytes and characters cut the same text; line/column locate both ends."""
    data = text.encode("utf-8")
    try:
        by_bytes = data[span.start:span.end].decode("utf-8")
        before = data[:span.start].decode("utf-8")
        until_end = data[:span.end].decode("utf-8")
    except UnicodeDecodeError:
        return [f"{what}: byte span [{span.start}, {span.end}] splits a character"]
    problems = []
    by_chars = text[span.start_char:span.end_char]
    if by_chars != by_bytes or span.start_char != len(before):
        problems.append(
            f"{what}: chars [{span.start_char}, {span.end_char}] slice {by_chars!r}, "
            f"bytes slice {by_bytes!r}"
        )
    units = len(before.encode("utf-16-le")) // 2
    length = len(by_bytes.encode("utf-16-le")) // 2
    if (span.start_utf16, span.end_utf16) != (units, units + length):
        problems.append(f"{what}: utf16 [{span.start_utf16}, {span.end_utf16}] disagree")
    if (span.line, span.column) != line_column(before):
        problems.append(f"{what}: start {span.line}:{span.column}, expected {line_column(before)}")
    if (span.end_line, span.end_column) != line_column(until_end):
        problems.append(
            f"{what}: end {span.end_line}:{span.end_column}, expected {line_column(until_end)}"
        )
    return problems


def detail_problems(expected: dict[str, Any], actual: freigabe.Diagnostic) -> list[str]:
    what = f"{expected['rule']} {expected.get('platform')} {expected.get('span')}"
    problems = []
    if "severity" in expected and actual.severity != expected["severity"]:
        problems.append(f"{what}: severity {actual.severity}, expected {expected['severity']}")
    span = actual.span
    if span is not None:
        if "line" in expected and span.line != expected["line"]:
            problems.append(f"{what}: line {span.line}, expected {expected['line']}")
        if "column" in expected and span.column != expected["column"]:
            problems.append(f"{what}: column {span.column}, expected {expected['column']}")
    part = expected.get("message_contains")
    if part is not None and part not in actual.message:
        problems.append(f"{what}: message {actual.message!r} does not contain {part!r}")
    waived_by = actual.waived["by"] if actual.waived is not None else None
    if waived_by != expected.get("waived_by"):
        problems.append(f"{what}: waived by {waived_by!r}, expected {expected.get('waived_by')!r}")
    first = actual.suggestions[0] if actual.suggestions else None
    if "suggestion" in expected and (first is None or first.replacement != expected["suggestion"]):
        got = first.replacement if first else None
        problems.append(f"{what}: first suggestion {got!r}, expected {expected['suggestion']!r}")
    if "suggestion_span" in expected:
        got_span = [first.span.start, first.span.end] if first else None
        if got_span != expected["suggestion_span"]:
            problems.append(
                f"{what}: suggestion replaces {got_span}, expected {expected['suggestion_span']}"
            )
    return problems


def lint(case: dict[str, Any]) -> list[str]:
    """Mistakes in the case itself: unknown keys, `match` that disagrees with `span`."""
    problems = [f"unknown case key `{key}`" for key in set(case) - CASE_KEYS]
    text = case["draft"]["text"]
    data = text.encode("utf-8")
    for expected in case.get("expect", []):
        problems += [f"unknown expect key `{key}`" for key in set(expected) - EXPECT_KEYS]
        for span_key, match_key in (("span", "match"), ("suggestion_span", "suggestion_match")):
            span, matched = expected.get(span_key), expected.get(match_key)
            if (span is None) != (matched is None):
                problems.append(f"`{span_key}` and `{match_key}` go together")
            elif span is not None and data[span[0]:span[1]].decode("utf-8", "replace") != matched:
                problems.append(f"`{span_key}` {span} does not cover {matched!r}")
    return problems


@functools.lru_cache(maxsize=None)
def compiled(policy: str, lang: str) -> freigabe.Engine:
    """One engine per policy text and language: most cases share their file's policy."""
    return freigabe.Engine(freigabe.Policy.from_str(policy), lang=lang)


def run(case: dict[str, Any], policy: str) -> list[str]:
    engine = compiled(policy, case.get("lang", "de"))
    text = case["draft"]["text"]
    # The draft and history go through the same Python entry point users call.
    try:
        report = engine.check(
            json.loads(json.dumps(case["draft"], default=str)),
            history=json.loads(json.dumps(case.get("history", []), default=str)),
            now=case.get("now"),
        )
    except freigabe.DraftError as error:
        part = case.get("error_contains")
        if part is None:
            raise
        return [] if part in str(error) else [f"error {str(error)!r} does not contain {part!r}"]
    if "error_contains" in case:
        return [f"check passed, expected an error {case['error_contains']!r}"]
    problems: list[str] = []
    for diagnostic in report.diagnostics:
        if diagnostic.span is not None:
            problems += span_problems(text, diagnostic.span, diagnostic.rule)
        for suggestion in diagnostic.suggestions:
            problems += span_problems(text, suggestion.span, f"{diagnostic.rule} suggestion")

    unmatched = list(report.diagnostics)
    for expected in case.get("expect", []):
        key = expected_key(expected)
        found = next((d for d in unmatched if actual_key(d) == key), None)
        if found is None:
            problems.append(f"missing:    {key}")
        else:
            unmatched.remove(found)
            problems += detail_problems(expected, found)
    problems += [f"unexpected: {actual_key(d)} {d.message}" for d in unmatched]

    if case.get("ordered") and not problems:
        want = [expected_key(e) for e in case.get("expect", [])]
        got = [actual_key(d) for d in report.diagnostics]
        if want != got:
            problems.append(f"order differs: {got}")
    if "verdict" in case and report.verdict != case["verdict"]:
        problems.append(f"verdict {report.verdict}, expected {case['verdict']}")
    for platform, expected in case.get("measures", {}).items():
        actual = report.measures.get(platform)
        if actual != expected:
            problems.append(f"measures {platform}: {actual}, expected {expected}")
    return problems


def test_corpus_is_there() -> None:
    assert len(FILES) >= 10, f"no conformance files under {CORPUS}"
    assert len(cases()) >= 60


@pytest.mark.parametrize(("case", "policy"), cases())
def test_case(case: dict[str, Any], policy: Optional[str]) -> None:
    problems = lint(case)
    assert not problems, "\n".join(problems)
    assert policy is not None, "no policy: set `[policy] toml` or the case's `policy`"
    try:
        problems = run(case, policy)
    except freigabe.FreigabeError as error:
        problems = [f"{type(error).__name__}: {error}"]
    known_failure = case.get("known_failure")
    if known_failure is None:
        assert not problems, "\n".join(problems)
    else:
        assert problems, f"passes although marked `known_failure` ({known_failure})"
