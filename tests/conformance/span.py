#!/usr/bin/env python3
"""Offsets for conformance cases, so nobody counts bytes by hand.

    python3 tests/conformance/span.py FILE CASE NEEDLE   # where NEEDLE occurs in CASE's text
    python3 tests/conformance/span.py --check            # every `match` against its `span`

FILE is a name in tests/conformance (e.g. `hashtags.toml`), CASE a case name. Prints, for
each occurrence of NEEDLE, the UTF-8 byte span (what cases store) with the character and
UTF-16 offsets and line:column for comparison. Needs Python 3.11+ (tomllib).
"""

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cases(path):
    with open(path, "rb") as f:
        return tomllib.load(f).get("case", [])


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def line_column(before):
    normalized = before.replace("\r\n", "\n").replace("\r", "\n")
    return normalized.count("\n") + 1, len(normalized.rsplit("\n", 1)[-1]) + 1


def describe(text, start_char, end_char):
    before, inside = text[:start_char], text[start_char:end_char]
    start = len(before.encode())
    end = start + len(inside.encode())
    line, column = line_column(before)
    return (
        f"span = [{start}, {end}]  # chars [{start_char}, {end_char}], "
        f"utf16 [{utf16_len(before)}, {utf16_len(before) + utf16_len(inside)}], "
        f"line {line} column {column}, match = {inside!r}"
    )


def find(file, name, needle):
    for case in cases(HERE / file):
        if case["name"] == name:
            text = case["draft"]["text"]
            index = text.find(needle)
            if index < 0:
                sys.exit(f"{needle!r} does not occur in the text of {name}")
            while index >= 0:
                print(describe(text, index, index + len(needle)))
                index = text.find(needle, index + 1)
            print(f"# text: {len(text.encode())} bytes, {len(text)} chars")
            return
    sys.exit(f"no case {name!r} in {file}")


def check():
    bad = 0
    for path in sorted(HERE.glob("*.toml")):
        for case in cases(path):
            data = case["draft"]["text"].encode()
            for expect in case.get("expect", []):
                for span_key, match_key in (("span", "match"), ("suggestion_span", "suggestion_match")):
                    if span_key not in expect:
                        continue
                    start, end = expect[span_key]
                    try:
                        under = data[start:end].decode()
                    except UnicodeDecodeError:
                        under = None
                    if under != expect[match_key]:
                        bad += 1
                        print(f"{path.name} › {case['name']}: {expect['rule']} {span_key} "
                              f"{[start, end]} covers {under!r}, {match_key} is {expect[match_key]!r}")
    print("all spans match" if bad == 0 else f"{bad} mismatch(es)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        check()
    elif len(sys.argv) == 4:
        find(*sys.argv[1:])
    else:
        sys.exit(__doc__)
