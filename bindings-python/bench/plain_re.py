"""What a data team would otherwise write: three of freigabe's checks with Python's `re`.

``address.informal``, ``links.https`` and ``length.limit`` (X) over a JSON Lines file of drafts,
one JSON line of findings per draft, the way ``freigabe batch`` reads and writes. The yardstick
of issue 12's "batch vs a plain-Python script" figure (``scripts/bench``); ``bench.py`` uses
the same function on drafts in memory.

    python bindings-python/bench/plain_re.py corpus.jsonl > /dev/null
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

INFORMAL = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*)\b", re.IGNORECASE)
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
X_LIMIT, X_URL_LENGTH = 280, 23


def check_with_re(draft: dict[str, Any]) -> list[tuple[str, int, int]]:
    """address.informal, links.https and length.limit (X) with `re`: findings as
    (rule, start, end)."""
    text = draft["text"]
    found = [("address.informal", m.start(), m.end()) for m in INFORMAL.finditer(text)]
    urls = list(URL.finditer(text))
    found += [("links.https", m.start(), m.end()) for m in urls if m.group().lower().startswith("http://")]
    if "x" in (draft.get("platforms") or ["x"]):
        length = len(text) + sum(X_URL_LENGTH - (m.end() - m.start()) for m in urls)
        if length > X_LIMIT:
            found.append(("length.limit", 0, len(text)))
    return found


def main(path: str) -> int:
    out = sys.stdout
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            findings = check_with_re(json.loads(line))
            out.write(json.dumps({"record": number, "findings": findings}) + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: plain_re.py DRAFTS.jsonl")
    sys.exit(main(sys.argv[1]))
